import Link from "next/link";
import { setupState } from "@/lib/workspaces/first-run";
import { AuthPage } from "@/components/auth/auth-page";
import { WorkspaceForm } from "@/components/auth/workspace-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up · FAQ Bot" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const token = (await searchParams).token;
  const state = await setupState(token);
  if (state === "done") {
    return (
      <AuthPage title="Already set up">
        <p className="text-sm text-slate-700" data-testid="setup-done">
          This server already has a workspace, so this setup link no longer works.{" "}
          <Link href="/login" className="text-blue-700 underline">
            Sign in
          </Link>
          .
        </p>
      </AuthPage>
    );
  }
  if (state === "invalid") {
    return (
      <AuthPage title="This setup link does not work">
        <p className="text-sm text-slate-700" data-testid="setup-invalid">
          It may be incomplete, used already or older than 24 hours. Restart the server: while it has no workspace, it prints a new link.
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Set up this server" subtitle="Create the first workspace and its owner account. This link works once." wide>
      <WorkspaceForm endpoint="/api/setup" token={token} submitLabel="Create the workspace" />
    </AuthPage>
  );
}
