import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readInvitation } from "@/lib/auth/invitations";
import { AuthPage } from "@/components/auth/auth-page";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation · FAQ Bot" };

const ROLE_TEXT: Record<string, string> = { owner: "an owner", admin: "an admin", agent: "an agent" };

const GONE: Record<string, { title: string; text: string }> = {
  used: { title: "Invitation already used", text: "This invitation has been accepted. Sign in to open the workspace." },
  expired: { title: "Invitation expired", text: "Invitation links work for 7 days. Ask the workspace's admin for a new one." },
  unknown: { title: "Invitation not valid", text: "This link is incomplete, was withdrawn or was replaced by a newer one. Ask the workspace's admin for a new link." },
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [view, current] = await Promise.all([readInvitation(token), getCurrentUser()]);
  if (view.state !== "open") {
    const gone = GONE[view.state]!;
    return (
      <AuthPage title={gone.title}>
        <p className="text-sm text-slate-700" data-testid="invitation-gone">
          {gone.text}{" "}
          <Link href="/login" className="text-blue-700 underline">
            Sign in
          </Link>
        </p>
      </AuthPage>
    );
  }
  const signedInAsInvitee = current?.email === view.email;
  return (
    <AuthPage title={`Join ${view.workspaceName}`} subtitle={`You are invited as ${ROLE_TEXT[view.role!] ?? view.role} for ${view.email}.`} wide>
      {current && !signedInAsInvitee && (
        <p className="mb-4 rounded bg-amber-50 p-2 text-sm text-amber-900">
          You are signed in as {current.email}. Joining signs you in as {view.email} instead.
        </p>
      )}
      <AcceptInvitationForm token={token} email={view.email!} name={view.name!} workspaceName={view.workspaceName!} signedInAsInvitee={signedInAsInvitee} />
    </AuthPage>
  );
}
