"use client";
// The agent sends an image or PDF to the customer: a file picker, an upload to the conversation's
// attachments route (checked by content and size on the server), the stored message back.
import { useRef, useState } from "react";
import type { AgentWireMessage } from "@/lib/handoff/agent-protocol";
import { workspaceHeaders } from "@/components/workspace/page-workspace";
import { newClientMessageId } from "./agent-socket";

export function AttachButton({ conversationId, className, onSent, onError }: { conversationId: string; className: string; onSent: (m: AgentWireMessage) => void; onError: (message: string | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    onError(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.set("clientMessageId", newClientMessageId());
      form.set("file", file, file.name);
      const res = await fetch(`/api/conversations/${encodeURIComponent(conversationId)}/attachments`, { method: "POST", body: form, headers: workspaceHeaders() });
      const body = (await res.json().catch(() => null)) as { message?: AgentWireMessage; error?: { message?: string } } | null;
      if (!res.ok || !body?.message) return onError(body?.error?.message ?? `The file was not sent (the server answered ${res.status}).`);
      onSent(body.message);
    } catch {
      onError("Cannot reach the server. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="agent-attach-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload(file);
        }}
      />
      <button type="button" disabled={busy} className={className} data-testid="agent-attach" onClick={() => input.current?.click()}>
        {busy ? "Sending file…" : "Attach file"}
      </button>
    </>
  );
}
