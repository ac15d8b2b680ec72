// Whether a turn's decision puts the customer in the human queue. Shared by the live chat and the
// dialogue evaluation. A person is queued when the customer asks for one, when an in-domain
// question finds no answer (the tenant's choice: queue at once or offer a button), or after a
// second unanswered question in a row; small talk and off-topic messages are never queued unless
// the tenant chooses so.
import type { TurnDecision } from "./decide-turn";

export interface HandoffPolicy {
  /** Queue in-domain questions the FAQ cannot answer at once (default false: offer a button, queue on the second in a row). */
  unknownToQueue: boolean;
  /** Queue off-topic messages (default false: decline politely and offer a button). */
  offTopicToQueue: boolean;
}

// An in-domain question without an answer first gets an honest "I don't know" with a button to
// reach a person; a second one in a row queues the customer. Tenants may queue at once instead.
export const DEFAULT_HANDOFF_POLICY: HandoffPolicy = { unknownToQueue: false, offTopicToQueue: false };

export type HandoffReasonKind = "customer_request" | "model_handoff" | "unanswered" | "off_topic";

/** `streak` = unanswered questions in a row before this one. */
export function handoffFor(d: TurnDecision, streak: number, policy: HandoffPolicy = DEFAULT_HANDOFF_POLICY): HandoffReasonKind | null {
  switch (d.kind) {
    case "human":
      return "customer_request";
    case "unknown":
      return policy.unknownToQueue ? "model_handoff" : streak >= 1 ? "unanswered" : null;
    case "suggest":
      return streak >= 1 ? "unanswered" : null;
    case "offtopic":
      // Unlike "tell me a joke", a message the FAQ merely does not resemble may be a question for
      // the business: it follows the tenant's choice for questions the bot cannot answer.
      if (!d.marker && policy.unknownToQueue) return "model_handoff";
      return policy.offTopicToQueue ? "off_topic" : null;
    default:
      return null;
  }
}

/** Whether this decision counts as an unanswered question (for the streak). */
export function isUnanswered(d: TurnDecision): boolean {
  return d.kind === "suggest" || d.kind === "unknown";
}
