// Agent socket events for following a conversation live. The conversation must belong to the
// agent's tenant (checked through the tenant guard) before the socket joins its room.
import { z } from "zod";
import { onAgentConnection } from "@/lib/realtime/attach";
import { rooms } from "@/lib/realtime/types";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError, toErrorBody } from "@/lib/errors/app-error";

const ZWatch = z.object({ conversationId: z.string().min(1).max(64) });

type Ack = (res: unknown) => void;
const safeAck = (ack: unknown): Ack => (typeof ack === "function" ? (ack as Ack) : () => {});

onAgentConnection((socket) => {
  socket.on("conversation:watch", async (payload: unknown, ack: unknown) => {
    const reply = safeAck(ack);
    try {
      const p = ZWatch.safeParse(payload);
      if (!p.success) throw new AppError("validation_failed", "conversationId is required.");
      const db = await tenantDb(socket.data.user.tenantId);
      const conversation = await db.conversation.findFirst({ where: { id: p.data.conversationId }, select: { id: true } });
      if (!conversation) throw new AppError("not_found", "Conversation not found.");
      await socket.join(rooms.conversationAgents(conversation.id));
      reply({ ok: true });
    } catch (e) {
      reply(toErrorBody(e));
    }
  });
  socket.on("conversation:unwatch", async (payload: unknown) => {
    const p = ZWatch.safeParse(payload);
    if (p.success) await socket.leave(rooms.conversationAgents(p.data.conversationId));
  });
});
