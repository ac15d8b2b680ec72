"use client";
// The admin console's side navigation; highlights the section being viewed.
import Link from "next/link";
import { usePathname } from "next/navigation";

export const ADMIN_LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/faq", label: "FAQ" },
  { href: "/admin/knowledge", label: "Knowledge" },
  { href: "/admin/training", label: "Training & models" },
  { href: "/admin/widget", label: "Widget" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/team", label: "Team" },
  { href: "/admin/teams", label: "Teams & routing" },
  { href: "/admin/canned", label: "Canned responses" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/privacy", label: "Privacy" },
];

export function AdminNav() {
  const path = usePathname();
  return (
    <nav aria-label="Admin sections" className="flex gap-1 overflow-x-auto text-sm md:flex-col">
      {ADMIN_LINKS.map((l) => {
        const active = l.href === "/admin" ? path === "/admin" : path === l.href || path.startsWith(`${l.href}/`);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-md px-3 py-1.5 ${active ? "bg-blue-50 font-medium text-blue-800" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
