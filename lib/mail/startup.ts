// E-mail that follows from events, in the server process (nothing here blocks the chat; a
// failure is logged): the transcript to a customer who left an address when an agent resolves the
// conversation (tenant setting), an alert to the workspace's agents about a new offline ticket
// (tenant setting), and a notice to its admins when a webhook is disabled. Without SMTP_URL none
// of this runs.
import { subscribe } from "@/lib/events/bus";
import { logger } from "@/lib/log/logger";
import { tenantDb } from "@/lib/tenancy/guard";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { publicBaseUrl } from "@/lib/app/urls";
import { mailEnabled } from "./config";
import { sendMail } from "./transport";
import { ticketAlertMail, transcriptMail, webhookDisabledMail } from "./messages";

const log = logger.child({ module: "mail" });

function background(what: string, tenantId: string, fn: () => Promise<unknown>): void {
  if (!mailEnabled()) return;
  void fn().catch((err) => log.warn({ err, tenantId }, `${what} e-mail failed`));
}

subscribe("conversation.resolved", (e, { origin }) => {
  if (origin !== null) return;
  background("transcript", e.tenantId, async () => {
    const db = await tenantDb(e.tenantId);
    const tenant = await db.tenant.findFirst({ select: { name: true, settings: true } });
    if (!tenant || !readTenantSettings(tenant.settings).emailTranscripts) return;
    const visitor = await db.visitor.findFirst({ where: { id: e.visitorId }, select: { email: true } });
    if (!visitor?.email) return;
    // What the customer saw: never internal notes.
    const messages = await db.message.findMany({
      where: { conversationId: e.conversationId, role: { in: ["customer", "bot", "agent"] } },
      orderBy: { seq: "asc" },
      select: { role: true, text: true, createdAt: true, metadata: true },
    });
    if (messages.length === 0) return;
    const lines = messages.map((m) => ({ role: m.role, text: m.text, createdAt: m.createdAt, authorName: ((m.metadata ?? {}) as { authorName?: string }).authorName ?? null }));
    await sendMail(transcriptMail({ tenantId: e.tenantId, tenantName: tenant.name, conversationId: e.conversationId, to: visitor.email, lines }));
  });
});

subscribe("ticket.created", (e, { origin }) => {
  if (origin !== null) return;
  background("ticket alert", e.tenantId, async () => {
    const db = await tenantDb(e.tenantId);
    const tenant = await db.tenant.findFirst({ select: { name: true, settings: true } });
    if (!tenant || !readTenantSettings(tenant.settings).emailTicketAlerts) return;
    const [ticket, team] = await Promise.all([
      db.offlineTicket.findFirst({ where: { id: e.ticketId }, select: { id: true, email: true, message: true } }),
      db.user.findMany({ where: { active: true }, select: { email: true } }),
    ]);
    if (!ticket || team.length === 0) return;
    await sendMail(ticketAlertMail({ tenantId: e.tenantId, tenantName: tenant.name, to: team.map((u) => u.email), ticket, consoleUrl: `${publicBaseUrl()}/agent` }));
  });
});

subscribe("webhook.disabled", (e, { origin }) => {
  if (origin !== null) return;
  background("webhook notice", e.tenantId, async () => {
    const db = await tenantDb(e.tenantId);
    const tenant = await db.tenant.findFirst({ select: { name: true } });
    const admins = await db.user.findMany({ where: { active: true, role: { in: ["owner", "admin"] } }, select: { email: true } });
    if (!tenant || admins.length === 0) return;
    await sendMail(webhookDisabledMail({ tenantId: e.tenantId, tenantName: tenant.name, to: admins.map((u) => u.email), url: e.url, reason: e.reason, consoleUrl: `${publicBaseUrl()}/admin/webhooks` }));
  });
});
