// Sends one e-mail through the SMTP server of SMTP_URL (nodemailer; one pooled transport per
// process). Callers give the Message-ID and thread headers so conversations stay threaded in the
// customer's mail program. Each send is reported as `mail.sent` (counted by lib/metrics).
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { publish } from "@/lib/events/bus";
import { mailEnabled, mailFromAddress, mailFromName } from "./config";

export type MailKind = "ticket_reply" | "transcript" | "ticket_alert" | "webhook_disabled";

export interface OutgoingMail {
  tenantId: string;
  kind: MailKind;
  /** Display name of the sender when MAIL_FROM has none (the workspace's name). */
  fromName: string;
  to: string | string[];
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

const g = globalThis as unknown as { __faqbotMailer?: { url: string; transport: Transporter } };

function transport(): Transporter {
  const url = env().SMTP_URL;
  if (!g.__faqbotMailer || g.__faqbotMailer.url !== url) {
    g.__faqbotMailer = { url, transport: nodemailer.createTransport(url) };
  }
  return g.__faqbotMailer.transport;
}

/** Sends, or throws an AppError whose message an agent can act on. */
export async function sendMail(mail: OutgoingMail): Promise<{ messageId: string }> {
  if (!mailEnabled()) throw new AppError("conflict", "E-mail is not configured on this server (SMTP_URL). Answer the customer from your own mail program.");
  try {
    await transport().sendMail({
      from: { name: mailFromName(mail.fromName), address: mailFromAddress() },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
      inReplyTo: mail.inReplyTo,
      references: mail.references,
    });
    publish("mail.sent", { tenantId: mail.tenantId, kind: mail.kind, ok: true });
    return { messageId: mail.messageId };
  } catch (err) {
    publish("mail.sent", { tenantId: mail.tenantId, kind: mail.kind, ok: false });
    throw new AppError("internal", "The e-mail could not be sent: the mail server did not accept it. Try again in a moment.", { cause: err });
  }
}
