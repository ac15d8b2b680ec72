// The customer as the widget socket authenticated them: every chat operation acts for one visitor
// of one tenant, and the per-visitor and per-IP message budgets are spent here.
import { consume } from "@/lib/security/rate-limit";

export interface VisitorRef {
  tenantId: string;
  visitorId: string;
  ip: string;
  /** The browser's language as the widget reported it. */
  language: string | null;
}

const SLOW_DOWN = "You're sending messages very quickly. Please wait a moment before sending more.";

/** Spends one message from the visitor's and the IP's budgets (throws `rate_limited` when spent). */
export async function spendMessageBudget(v: VisitorRef): Promise<void> {
  await consume("messagesPerVisitor", v.visitorId, SLOW_DOWN);
  await consume("messagesPerIp", v.ip, SLOW_DOWN);
}
