import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { signupOpen } from "@/lib/auth/signup";
import { anyWorkspace } from "@/lib/workspaces/first-run";

export const dynamic = "force-dynamic";

export const metadata = { title: "Sign in · FAQ Bot" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const sp = await searchParams;
  const next = safeNextPath(sp.next);
  const empty = !(await anyWorkspace());
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-5 text-sm text-slate-500">Agents and admins of your workspaces.</p>
        {sp.error === "forbidden" && (
          <p role="alert" data-testid="login-notice" className="mb-4 rounded bg-amber-50 p-2 text-sm text-amber-800">
            Your account cannot open that page. Sign in with an admin account.
          </p>
        )}
        {empty && (
          <p role="status" data-testid="no-workspace" className="mb-4 rounded bg-blue-50 p-2 text-sm text-blue-900">
            This server has no workspace yet. Open the one-time setup link it printed when it started{signupOpen() ? ", or create a workspace below" : ""}.
          </p>
        )}
        <LoginForm next={next} />
        {signupOpen() && (
          <p className="mt-4 text-sm text-slate-600">
            New here?{" "}
            <Link href="/signup" className="text-blue-700 underline" data-testid="signup-link">
              Create a workspace
            </Link>
          </p>
        )}
      </div>
    </main>
  );
}
