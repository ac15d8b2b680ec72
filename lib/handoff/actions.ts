// What agents do with a conversation: claim it from the queue, write to the customer, leave
// internal notes, transfer it, resolve it, or hand it back to the bot. Each state change is one
// transaction; a claim is a conditional update, so of two simultaneous claims exactly one wins.
// What happened is published as domain events (lib/events); nothing here talks to sockets.
import { getDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { appendMessage, toWire, type AttachmentMeta } from "@/lib/chat/conversation-store";
import { t, textLanguage } from "@/lib/chat/strings";
import { publish } from "@/lib/events/bus";
import { conversationUpdated, queueChanged } from "@/lib/handoff/broadcast";

export interface Actor {
  id: string;
  tenantId: string;
  name: string;
  role: string;
}

async function loadConversation(db: Db, actor: Actor, conversationId: string) {
  const conv = await db.conversation.findFirst({ where: { id: conversationId, tenantId: actor.tenantId } });
  if (!conv) throw new AppError("not_found", "Conversation not found.");
  return conv;
}

function assertOwner(conv: { assignedAgentId: string | null; status: string }, actor: Actor) {
  if (conv.status !== "assigned") throw new AppError("conflict", "This conversation is not being handled by an agent.");
  if (conv.assignedAgentId !== actor.id && actor.role === "agent") throw new AppError("forbidden", "Another agent is handling this conversation.");
}

async function systemMessage(db: Db, conv: { id: string; tenantId: string; visitorId: string; language: string | null }, text: string, kind: "handoff_assigned" | "handoff_resolved" | "returned_to_bot") {
  // The language it is written in: the widget's labels follow it.
  const row = await appendMessage(db, { tenantId: conv.tenantId, conversationId: conv.id, role: "system", text, metadata: { kind, language: textLanguage(conv.language) } });
  publish("message.created", { tenantId: conv.tenantId, conversationId: conv.id, visitorId: conv.visitorId, message: toWire(row) });
}

/** An agent takes customers from their own teams' queues only (admins from any). */
async function assertMayTake(db: Db, actor: Actor, conversationId: string): Promise<void> {
  if (actor.role !== "agent") return;
  const waiting = await db.handoff.findFirst({ where: { tenantId: actor.tenantId, conversationId, status: "queued" }, select: { teamId: true, team: { select: { name: true } } } });
  if (!waiting?.teamId) return;
  const member = await db.teamMember.findFirst({ where: { tenantId: actor.tenantId, teamId: waiting.teamId, userId: actor.id }, select: { userId: true } });
  if (!member) throw new AppError("forbidden", `This customer is waiting for the ${waiting.team?.name ?? "other"} team.`);
}

export async function claimConversation(actor: Actor, conversationId: string, opts: { skipCapacity?: boolean; via?: "claim" | "round_robin" } = {}) {
  const db = await getDb();
  const conv = await loadConversation(db, actor, conversationId);
  await assertMayTake(db, actor, conversationId);
  const now = new Date();
  // Both changes or neither: a lost race throws inside the transaction, which rolls it back.
  await db.$transaction(async (tx) => {
    if (!opts.skipCapacity) {
      // Counted inside the claim, after locking the agent's row (a no-op update: PostgreSQL holds
      // the lock until commit, SQLite runs one write transaction at a time), so two simultaneous
      // claims by one agent cannot both see a free slot.
      const me = await tx.user.update({ where: { id: actor.id }, data: { maxChats: { increment: 0 } }, select: { maxChats: true } });
      const active = await tx.conversation.count({ where: { tenantId: actor.tenantId, assignedAgentId: actor.id, status: "assigned" } });
      if (active >= me.maxChats) throw new AppError("conflict", `You already have ${active} open chats, your maximum. Resolve one first.`);
    }
    const moved = await tx.conversation.updateMany({ where: { id: conversationId, tenantId: actor.tenantId, status: "queued" }, data: { status: "assigned", owner: "agent", assignedAgentId: actor.id } });
    if (moved.count !== 1) throw new AppError("conflict", "Another agent already took this conversation.");
    const res = await tx.handoff.updateMany({ where: { tenantId: actor.tenantId, conversationId, status: "queued" }, data: { status: "claimed", claimedById: actor.id, claimedAt: now } });
    if (res.count < 1) throw new AppError("conflict", "Another agent already took this conversation.");
  });
  // The bot's reply in progress stops (lib/chat/reply-control.ts listens for this).
  publish("handoff.assigned", { tenantId: actor.tenantId, conversationId, agentId: actor.id, via: opts.via ?? "claim" });
  await systemMessage(db, conv, t("assigned", conv.language, { name: actor.name }), "handoff_assigned");
  publish("handoff.status", { tenantId: actor.tenantId, conversationId, visitorId: conv.visitorId, status: { state: "assigned", agentName: actor.name } });
  conversationUpdated(actor.tenantId, { id: conversationId, status: "assigned", owner: "agent", assignedAgentId: actor.id });
  await queueChanged(actor.tenantId);
}

/** An agent's reply; `attachment`: a file it carries, stored first by lib/attachments/agent-upload.ts. */
export async function sendAgentMessage(actor: Actor, input: { conversationId: string; clientMessageId: string; text: string; attachment?: AttachmentMeta }) {
  const text = input.text.trim();
  if (!text) throw new AppError("validation_failed", "The message is empty.");
  if (text.length > env().MAX_MESSAGE_CHARS * 2) throw new AppError("validation_failed", `The message is too long (${text.length} characters).`);
  const db = await getDb();
  const conv = await loadConversation(db, actor, input.conversationId);
  assertOwner(conv, actor);
  const existing = await db.message.findUnique({ where: { conversationId_clientMessageId: { conversationId: conv.id, clientMessageId: input.clientMessageId } } });
  if (existing) return toWire(existing);
  const row = await appendMessage(db, { tenantId: actor.tenantId, conversationId: conv.id, role: "agent", text, clientMessageId: input.clientMessageId, authorId: actor.id, metadata: { authorName: actor.name, ...(input.attachment ? { attachment: input.attachment } : {}) } });
  await db.handoff.updateMany({ where: { conversationId: conv.id, status: "claimed", firstResponseAt: null }, data: { firstResponseAt: row.createdAt } });
  const wire = toWire(row);
  publish("message.created", { tenantId: actor.tenantId, conversationId: conv.id, visitorId: conv.visitorId, message: wire });
  return wire;
}

export async function addNote(actor: Actor, input: { conversationId: string; text: string }) {
  const text = input.text.trim();
  if (!text) throw new AppError("validation_failed", "The note is empty.");
  const db = await getDb();
  const conv = await loadConversation(db, actor, input.conversationId);
  const row = await appendMessage(db, { tenantId: actor.tenantId, conversationId: conv.id, role: "note", text: text.slice(0, 4000), authorId: actor.id, metadata: { authorName: actor.name } });
  // Notes go to agents only: never to the visitor's room.
  const wire = { ...toWire(row), role: "note" as const };
  publish("message.created", { tenantId: actor.tenantId, conversationId: conv.id, visitorId: conv.visitorId, message: wire });
  return wire;
}

export async function transferConversation(actor: Actor, input: { conversationId: string; toAgentId: string }) {
  const db = await getDb();
  const conv = await loadConversation(db, actor, input.conversationId);
  assertOwner(conv, actor);
  const target = await db.user.findFirst({ where: { id: input.toAgentId, tenantId: actor.tenantId, active: true } });
  if (!target) throw new AppError("not_found", "That agent does not exist in your workspace.");
  if (target.id === conv.assignedAgentId) throw new AppError("conflict", "The conversation is already with that agent.");
  await db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: conv.id }, data: { assignedAgentId: target.id } });
    await tx.handoff.updateMany({ where: { conversationId: conv.id, status: "claimed" }, data: { claimedById: target.id } });
  });
  await systemMessage(db, conv, t("assigned", conv.language, { name: target.name }), "handoff_assigned");
  publish("handoff.status", { tenantId: actor.tenantId, conversationId: conv.id, visitorId: conv.visitorId, status: { state: "assigned", agentName: target.name } });
  publish("handoff.assigned", { tenantId: actor.tenantId, conversationId: conv.id, agentId: target.id, via: "transfer" });
  conversationUpdated(actor.tenantId, { id: conv.id, status: "assigned", owner: "agent", assignedAgentId: target.id });
  await queueChanged(actor.tenantId);
}

export async function resolveConversation(actor: Actor, conversationId: string) {
  const db = await getDb();
  const conv = await loadConversation(db, actor, conversationId);
  assertOwner(conv, actor);
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.handoff.updateMany({ where: { conversationId, status: "claimed" }, data: { status: "resolved", resolvedAt: now } });
    await tx.conversation.update({ where: { id: conversationId }, data: { status: "resolved", owner: "bot", resolvedAt: now, unansweredStreak: 0 } });
  });
  await systemMessage(db, conv, t("resolved", conv.language), "handoff_resolved");
  publish("handoff.status", { tenantId: actor.tenantId, conversationId, visitorId: conv.visitorId, status: { state: "resolved" } });
  publish("conversation.resolved", { tenantId: actor.tenantId, conversationId, visitorId: conv.visitorId, agentId: conv.assignedAgentId });
  conversationUpdated(actor.tenantId, { id: conversationId, status: "resolved", owner: "bot", assignedAgentId: conv.assignedAgentId });
  await queueChanged(actor.tenantId);
}

/** Hands the conversation back to the bot (from the queue or from an agent). */
export async function releaseToBot(actor: Actor, conversationId: string) {
  const db = await getDb();
  const conv = await loadConversation(db, actor, conversationId);
  if (conv.status === "assigned") assertOwner(conv, actor);
  else if (conv.status !== "queued") throw new AppError("conflict", "The bot already handles this conversation.");
  await db.$transaction(async (tx) => {
    // Conditional on the state read above, so a claim made meanwhile is never silently undone.
    const moved = await tx.conversation.updateMany({
      where: { id: conversationId, status: conv.status, assignedAgentId: conv.assignedAgentId },
      data: { status: "open", owner: "bot", assignedAgentId: null, unansweredStreak: 0 },
    });
    if (moved.count !== 1) throw new AppError("conflict", "The conversation changed meanwhile (another agent took it). Reload and try again.");
    await tx.handoff.updateMany({ where: { conversationId, status: { in: ["queued", "claimed"] } }, data: { status: "returned", resolvedAt: new Date() } });
  });
  await systemMessage(db, conv, t("returnedToBot", conv.language), "returned_to_bot");
  publish("handoff.status", { tenantId: actor.tenantId, conversationId, visitorId: conv.visitorId, status: { state: "none" } });
  conversationUpdated(actor.tenantId, { id: conversationId, status: "open", owner: "bot", assignedAgentId: null });
  await queueChanged(actor.tenantId);
}

/** The agent handling the conversation is typing (the customer sees "… is typing"). */
export async function agentTyping(actor: Actor, input: { conversationId: string; typing: boolean }): Promise<void> {
  const db = await getDb();
  const conv = await db.conversation.findFirst({ where: { id: input.conversationId, tenantId: actor.tenantId, assignedAgentId: actor.id, status: "assigned" }, select: { visitorId: true } });
  if (conv) publish("agent.typing", { tenantId: actor.tenantId, conversationId: input.conversationId, visitorId: conv.visitorId, typing: input.typing, name: actor.name });
}
