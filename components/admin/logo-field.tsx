"use client";
// The workspace logo on the Settings page: shown in the chat header and the consoles. Uploading or
// removing it takes effect at once (no "Save settings" needed).
import { useState } from "react";
import { api, ApiError } from "./api";
import { Button } from "./ui";

export function LogoField({ initial }: { initial: string | null }) {
  const [url, setUrl] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("file", file, file.name);
    try {
      setUrl((await api<{ logoUrl: string | null }>("/api/admin/settings/logo", { form })).logoUrl);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api("/api/admin/settings/logo", { method: "DELETE" });
      setUrl(null);
    } catch (err) {
      setError((err as ApiError).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3 text-sm" data-testid="logo-field">
      <span className="mb-1 block font-medium">Logo</span>
      <div className="flex items-center gap-3">
        {url ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small same-origin image
          <img src={url} alt="Current logo" className="h-12 w-12 rounded border border-slate-200 object-contain" data-testid="logo-preview" />
        ) : (
          <span className="flex h-12 w-12 items-center justify-center rounded border border-dashed border-slate-300 text-xs text-slate-400">none</span>
        )}
        <label className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          {busy ? "Uploading…" : url ? "Replace" : "Upload"}
          <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" className="sr-only" disabled={busy} onChange={(e) => void upload(e.target.files?.[0])} data-testid="logo-file" />
        </label>
        {url && (
          <Button onClick={() => void remove()} disabled={busy}>
            Remove
          </Button>
        )}
      </div>
      <span className="mt-1 block text-xs text-slate-500">PNG, JPEG, GIF or WebP up to 256 KB, square works best. Shown in the chat&apos;s header and in your consoles.</span>
      {error && (
        <span className="mt-1 block text-red-700" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
