import Link from "next/link";
import { signupOpen } from "@/lib/auth/signup";
import { AuthPage } from "@/components/auth/auth-page";
import { WorkspaceForm } from "@/components/auth/workspace-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create a workspace · FAQ Bot" };

export default function SignupPage() {
  if (!signupOpen()) {
    return (
      <AuthPage title="Sign-up is closed">
        <p className="text-sm text-slate-700" data-testid="signup-closed">
          Workspaces on this server are created by its operator. Ask them for one — or, to join a team that already uses it, ask its admin for an invitation link.
        </p>
        <p className="mt-4 text-sm">
          Already have an account?{" "}
          <Link href="/login" className="text-blue-700 underline">
            Sign in
          </Link>
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Create your workspace" subtitle="A chatbot that answers your customers from your FAQ, and hands hard questions to your team." wide>
      <WorkspaceForm endpoint="/api/auth/signup" submitLabel="Create workspace" />
      <p className="mt-4 text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="text-blue-700 underline">
          Sign in
        </Link>{" "}
        — you can add workspaces from the workspace menu.
      </p>
    </AuthPage>
  );
}
