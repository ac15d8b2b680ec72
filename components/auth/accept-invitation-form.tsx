"use client";
// The invitation page's form. Signed in as the invited e-mail: one button. Otherwise the same form
// whether or not that e-mail has an account (the page must not tell): the account's password, or
// a new one that creates it.
import { useState } from "react";
import { Button, Field, fieldClass, Notice } from "@/components/ui/kit";
import { postJson } from "./post-json";

export function AcceptInvitationForm({ token, email, name, workspaceName, signedInAsInvitee }: { token: string; email: string; name: string; workspaceName: string; signedInAsInvitee: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const body = signedInAsInvitee ? { token } : { token, name: form.get("name") || undefined, password: form.get("password") };
    const r = await postJson<{ user: { role: string } }>("/api/invitations/accept", body);
    if (r.ok) {
      window.location.assign(r.data!.user.role === "agent" ? "/agent" : "/admin");
      return;
    }
    setError(r.fieldErrors?.[0]?.message ?? r.message ?? "Something went wrong.");
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate data-testid="accept-invitation-form">
      {!signedInAsInvitee && (
        <>
          <Field label="E-mail">
            <input value={email} readOnly className={`${fieldClass} bg-slate-50`} name="email" autoComplete="username" />
          </Field>
          <Field label="Your name" hint="Used if this e-mail address has no account yet.">
            <input name="name" defaultValue={name} autoComplete="name" className={fieldClass} />
          </Field>
          <Field label="Password" hint="If you already have an account with this e-mail address, enter its password. Otherwise choose one (at least 8 characters) to create it.">
            <input name="password" type="password" required autoComplete="current-password" className={fieldClass} />
          </Field>
        </>
      )}
      {error && (
        <Notice kind="error" testId="accept-error">
          {error}
        </Notice>
      )}
      <Button type="submit" variant="primary" disabled={busy} className="w-full py-2">
        {busy ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}
