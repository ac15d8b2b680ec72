import Link from "next/link";
import { signupOpen } from "@/lib/auth/signup";

export const dynamic = "force-dynamic";

export default function Home() {
  const cards = [
    ...(signupOpen() ? [{ href: "/signup", title: "Create a workspace", text: "Your own bot for your business: upload your FAQ, train, and put the chat on your website." }] : []),
    { href: "/demo", title: "Customer demo", text: "A sample shop page with the chat widget. Ask about shipping, returns or payments, in English or Spanish." },
    { href: "/agent", title: "Agent console", text: "The live queue of customers who asked for a person, and the chat with them." },
    { href: "/admin", title: "Admin console", text: "Upload the FAQ, train and publish the tenant model, set up the widget, read analytics." },
  ];
  return (
    <main className="mx-auto max-w-4xl p-8">
      <h1 className="mb-2 text-3xl font-semibold">FAQ Bot</h1>
      <p className="mb-8 text-slate-600">A self-hosted customer-service assistant that answers from your FAQ with a model running on this server, and hands hard cases to your team.</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <Link key={c.href} href={c.href} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400">
            <h2 className="mb-1 font-medium">{c.title}</h2>
            <p className="text-sm text-slate-600">{c.text}</p>
          </Link>
        ))}
      </div>
    </main>
  );
}
