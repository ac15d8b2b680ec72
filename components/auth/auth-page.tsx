// The frame of the pages people meet before the consoles (sign-in, sign-up, first-run setup,
// invitations): a centred card with a title and a line under it.
import type { ReactNode } from "react";

export function AuthPage({ title, subtitle, children, wide = false }: { title: string; subtitle?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className={`w-full ${wide ? "max-w-md" : "max-w-sm"} rounded-xl border border-slate-200 bg-white p-6 shadow-sm`}>
        <h1 className="mb-1 text-xl font-semibold">{title}</h1>
        {subtitle && <p className="mb-5 text-sm text-slate-500">{subtitle}</p>}
        {children}
      </div>
    </main>
  );
}
