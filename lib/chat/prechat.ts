// The pre-chat form on the server: the answers are validated again against the workspace's form
// (lib/chat/prechat-form.ts) and stored on the visitor — name and e-mail in their columns, all of
// them with the time in `metadata.prechat` — where the agent's context panel and the data-rights
// export read them. While the form is on and has a required field, a visitor who has not answered
// it cannot start a conversation.
import { z } from "zod";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { readTenantSettings } from "@/lib/tenancy/settings";
import { prechatAnswersSchema, type PrechatAnswers } from "@/lib/chat/prechat-form";
import type { VisitorRef } from "@/lib/chat/visitor";

export const ZPrechatSubmit = z.object({
  name: z.string().max(1000).nullish(),
  email: z.string().max(1000).nullish(),
  topic: z.string().max(1000).nullish(),
});

export interface StoredPrechat extends PrechatAnswers {
  submittedAt: string;
}

/** The pre-chat answers kept in a visitor's metadata, or null. */
export function prechatOf(metadata: unknown): StoredPrechat | null {
  const p = (metadata as { prechat?: StoredPrechat } | null)?.prechat;
  return p && typeof p === "object" && typeof p.submittedAt === "string" ? p : null;
}

async function formOf(db: Db, tenantId: string) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  return readTenantSettings(tenant.settings).prechat;
}

export async function submitPrechat(v: VisitorRef, input: z.infer<typeof ZPrechatSubmit>): Promise<void> {
  const db = await getDb();
  const form = await formOf(db, v.tenantId);
  if (!form.enabled) throw new AppError("conflict", "This chat has no pre-chat form.");
  const parsed = prechatAnswersSchema(form).safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ""), message: i.message }));
    throw new AppError("validation_failed", details.map((d) => d.message).join(" "), { details });
  }
  const answers = parsed.data;
  const visitor = await db.visitor.findFirst({ where: { id: v.visitorId, tenantId: v.tenantId }, select: { metadata: true } });
  if (!visitor) throw new AppError("not_found", "Your chat session has ended. Reload the page.");
  const metadata = { ...((visitor.metadata as object | null) ?? {}), prechat: { ...answers, submittedAt: new Date().toISOString() } satisfies StoredPrechat };
  await db.visitor.updateMany({
    where: { id: v.visitorId, tenantId: v.tenantId },
    data: { metadata, ...(answers.name ? { name: answers.name } : {}), ...(answers.email ? { email: answers.email } : {}) },
  });
}

/** Whether the visitor has answered the form (any time before). */
export async function prechatAnswered(db: Db, v: Pick<VisitorRef, "tenantId" | "visitorId">): Promise<boolean> {
  const visitor = await db.visitor.findFirst({ where: { id: v.visitorId, tenantId: v.tenantId }, select: { metadata: true } });
  return prechatOf(visitor?.metadata) !== null;
}

/** Whether this visitor still has to answer the form before a conversation starts (it has a required field). */
export async function prechatPending(db: Db, v: Pick<VisitorRef, "tenantId" | "visitorId">): Promise<boolean> {
  const form = await formOf(db, v.tenantId);
  if (!form.enabled || ![form.name, form.email, form.topic].includes("required")) return false;
  return !(await prechatAnswered(db, v));
}

/** Refuses to start a conversation before the form is answered (the widget shows it first). */
export async function assertPrechatDone(db: Db, v: Pick<VisitorRef, "tenantId" | "visitorId">): Promise<void> {
  if (await prechatPending(db, v)) throw new AppError("validation_failed", "Please fill in the form above before your first message.");
}
