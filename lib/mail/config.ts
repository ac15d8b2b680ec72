// Whether this server sends e-mail (SMTP_URL set) and as whom (MAIL_FROM). Pure configuration, so
// pages can ask without loading the SMTP client.
import { env } from "@/lib/env";
import { publicBaseUrl } from "@/lib/app/urls";

export function mailEnabled(): boolean {
  return env().SMTP_URL !== "";
}

/** The sender's address (without a display name): MAIL_FROM's, or no-reply@<PUBLIC_URL's host>. */
export function mailFromAddress(): string {
  const from = env().MAIL_FROM.trim();
  if (from) return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from;
  const host = new URL(publicBaseUrl()).hostname;
  return `no-reply@${host.includes(".") ? host : `${host}.localdomain`}`;
}

/** The sender's display name: MAIL_FROM's, else the given one (the workspace's name). */
export function mailFromName(fallback: string): string {
  const m = /^\s*"?([^"<]*?)"?\s*</.exec(env().MAIL_FROM);
  return m?.[1]?.trim() || fallback;
}

/** The domain of Message-IDs this server makes, so replies thread under them. */
export function messageIdDomain(): string {
  return mailFromAddress().split("@")[1] ?? "faqbot.local";
}
