// An attachment in a chat bubble (widget and agent console): an image as a thumbnail linking to
// the full picture, anything else (PDF) as a link with its name and size. Links are the signed,
// expiring ones the server put in the message; opened in a new tab without an opener.
import type { WireMessage } from "@/lib/chat/protocol";

type Attachment = NonNullable<WireMessage["attachment"]>;

const size = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${Number((n / 1024 / 1024).toFixed(1))} MB`);

export function AttachmentView({ a, tone = "dark" }: { a: Attachment; tone?: "dark" | "light" }) {
  if (a.contentType.startsWith("image/")) {
    return (
      <a href={a.url} target="_blank" rel="noopener noreferrer" data-testid="attachment" data-kind="image" data-name={a.name} className="block">
        {/* eslint-disable-next-line @next/next/no-img-element -- a signed link to a user file, not a static asset */}
        <img src={a.url} alt={a.name} className="max-h-40 max-w-full rounded-lg bg-white object-contain" data-testid="attachment-thumbnail" />
      </a>
    );
  }
  return (
    <a
      href={a.url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="attachment"
      data-kind="file"
      data-name={a.name}
      className={`inline-flex items-center gap-1 underline ${tone === "light" ? "text-white" : "text-slate-900"}`}
    >
      <span aria-hidden="true">📄</span>
      {a.name} <span className="text-xs opacity-80">({size(a.size)})</span>
    </a>
  );
}
