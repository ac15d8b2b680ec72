// The signed-in user for server components and pages, with a redirect to /login when needed.
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { readSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth/session";
import { hasRole, type Role } from "@/lib/auth/roles";

export async function getCurrentUser(): Promise<SessionUser | null> {
  return readSession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages: the user, or a redirect to the login page (and back here afterwards). */
export async function requirePageUser(min: Role, path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!hasRole(user.role, min)) redirect(`/login?next=${encodeURIComponent(path)}&error=forbidden`);
  return user;
}
