"use client";
// The "create a workspace" form of /signup and of the first-run /setup link: business name, the
// owner's name, e-mail and password. On success the owner is signed in and lands on the admin
// overview, whose checklist guides the first run.
import { useState } from "react";
import { Button, Field, fieldClass, Notice } from "@/components/ui/kit";
import { postJson } from "./post-json";

export function WorkspaceForm({ endpoint, token, submitLabel }: { endpoint: "/api/auth/signup" | "/api/setup"; token?: string; submitLabel: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ path: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (path: string) => {
    const mine = fieldErrors.filter((e) => e.path === path);
    return mine.length ? <span className="mt-1 block text-sm text-red-700" data-testid={`error-${path}`}>{mine.map((e) => e.message).join(" ")}</span> : null;
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setFieldErrors([]);
    const body = { businessName: form.get("businessName"), name: form.get("name"), email: form.get("email"), password: form.get("password"), ...(token ? { token } : {}) };
    const r = await postJson(endpoint, body);
    if (r.ok) {
      window.location.assign("/admin?welcome=1");
      return;
    }
    setFieldErrors(r.fieldErrors ?? []);
    setError(r.fieldErrors?.length ? "Please correct the fields marked below." : (r.message ?? "Something went wrong."));
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate data-testid="workspace-form">
      <Field label="Business name" hint="The name your customers see in the chat. You can change it later." error={errorOf("businessName")}>
        <input name="businessName" required autoComplete="organization" className={fieldClass} />
      </Field>
      <Field label="Your name" error={errorOf("name")}>
        <input name="name" required autoComplete="name" className={fieldClass} />
      </Field>
      <Field label="E-mail" error={errorOf("email")}>
        <input name="email" type="email" required autoComplete="username" className={fieldClass} />
      </Field>
      <Field label="Password" hint="At least 8 characters." error={errorOf("password")}>
        <input name="password" type="password" required minLength={8} autoComplete="new-password" className={fieldClass} />
      </Field>
      {error && (
        <Notice kind="error" testId="workspace-form-error">
          {error}
        </Notice>
      )}
      <Button type="submit" variant="primary" disabled={busy} className="w-full py-2">
        {busy ? "Creating your workspace…" : submitLabel}
      </Button>
    </form>
  );
}
