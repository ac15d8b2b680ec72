// The bot steps aside when a person takes a conversation: a reply being generated is stopped as
// soon as `handoff.assigned` is published. Loaded with the widget socket (the only place replies
// are scheduled), so this process's in-flight replies are the ones it can stop.
import { subscribe } from "@/lib/events/bus";
import { cancelReply } from "@/lib/chat/respond";

const g = globalThis as unknown as { __faqbotReplyControl?: boolean };

if (!g.__faqbotReplyControl) {
  g.__faqbotReplyControl = true;
  subscribe("handoff.assigned", ({ conversationId }) => cancelReply(conversationId));
}
