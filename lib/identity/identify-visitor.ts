// Verified visitor identity: the host page calls `FaqBot.identify({ id, email, name }, signature)`,
// the widget sends it on the socket (`identify`), and only a signature made with the workspace's
// identity secret makes the claim true here. A verified customer id is stored on the visitor
// (`externalId`, `verifiedAt`) and follows the customer across devices: a browser that proves an
// id some visitor already holds becomes that visitor (a new visitor token) and continues its
// conversation. Unverified or forged claims change nothing and are refused with the reason.
import type { z } from "zod";
import type { ZIdentify } from "@/lib/chat/protocol";
import { AppError } from "@/lib/errors/app-error";
import { isUniqueViolation } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { logger } from "@/lib/log/logger";
import { identitySecret } from "@/lib/identity/secret";
import { signatureMatches } from "@/lib/identity/signature";
import type { VisitorRef } from "@/lib/chat/visitor";

export type TIdentify = z.infer<typeof ZIdentify>;

export interface VerifiedIdentity {
  id: string;
  email: string | null;
  name: string | null;
  verified: true;
}

export const NOT_SET_UP = "Verified identities are not set up for this chat: the workspace has no identity secret yet (admin → Settings).";
export const FORGED = "The identity could not be verified: its signature does not match the customer's id. The customer was not identified.";

/**
 * Verifies the claim and ties it to a visitor. `visitorId` is the visitor this browser is from now
 * on: the caller's own, or — when another visitor of the workspace already holds the id, or this
 * one is already another customer — that one (`switched`).
 */
export async function identifyVisitor(v: VisitorRef, claim: TIdentify): Promise<{ visitorId: string; switched: boolean; identity: VerifiedIdentity }> {
  const db = await tenantDb(v.tenantId);
  const secret = await identitySecret(db);
  if (!secret) throw new AppError("forbidden", NOT_SET_UP);
  if (!signatureMatches(secret, claim.id, claim.signature)) {
    logger.warn({ tenantId: v.tenantId, visitorId: v.visitorId }, "identity refused: signature does not match");
    throw new AppError("forbidden", FORGED);
  }
  const identity: VerifiedIdentity = { id: claim.id, email: claim.email ?? null, name: claim.name ?? null, verified: true };
  // The host site's own words for the customer's name and address (the signature covers the id).
  const profile = { verifiedAt: new Date(), lastSeenAt: new Date(), ...(claim.email ? { email: claim.email } : {}), ...(claim.name ? { name: claim.name } : {}) };

  const holder = await db.visitor.findFirst({ where: { externalId: claim.id }, select: { id: true } });
  if (holder) {
    await db.visitor.update({ where: { id: holder.id }, data: profile });
    return { visitorId: holder.id, switched: holder.id !== v.visitorId, identity };
  }
  const me = await db.visitor.findFirst({ where: { id: v.visitorId }, select: { externalId: true } });
  try {
    if (me && me.externalId === null) {
      // An anonymous visitor becomes this customer, keeping the conversation it has.
      await db.visitor.update({ where: { id: v.visitorId }, data: { ...profile, externalId: claim.id } });
      return { visitorId: v.visitorId, switched: false, identity };
    }
    // This browser was another customer (someone else signed in on the site): a visitor of its own.
    const created = await db.visitor.create({ data: { tenantId: v.tenantId, language: v.language, externalId: claim.id, ...profile } });
    return { visitorId: created.id, switched: true, identity };
  } catch (e) {
    // Two devices identifying the same new customer at once: the other one won; join it.
    if (!isUniqueViolation(e, { model: "Visitor", fields: ["tenantId", "externalId"] })) throw e;
    const winner = await db.visitor.findFirst({ where: { externalId: claim.id }, select: { id: true } });
    if (!winner) throw e;
    return { visitorId: winner.id, switched: winner.id !== v.visitorId, identity };
  }
}
