import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/auth/logout-button";

/** `workspace`: the workspace menu (which workspace the session acts for, and switching). */
export function AppHeader({ title, user, links, workspace }: { title: string; user: { name: string; role: string }; links: { href: string; label: string }[]; workspace?: ReactNode }) {
  return (
    <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
      <div className="flex items-center gap-6">
        <span className="font-semibold">{title}</span>
        {workspace}
        <nav className="flex gap-4 text-sm text-slate-600">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="hover:text-slate-900">
              {l.label}
            </Link>
          ))}
        </nav>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <span className="text-slate-600" data-testid="current-user">
          {user.name} · {user.role}
        </span>
        <LogoutButton />
      </div>
    </header>
  );
}
