// Whether a turn's decision puts the customer in the human queue. Shared by the live chat and the
// dialogue evaluation. A person is queued when the customer asks for one, when an in-domain
// question finds no answer (the tenant's choice: queue at once or offer a button), or when such a
// question follows another such "I don't have an answer" ("did you mean" choices neither count
// nor queue: the customer can pick one, or press the person button); small talk and off-topic messages are never queued unless
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
      // Choices are an answer of a kind: the customer picks one or presses the person button. A
      // customer is never queued (and the bot silenced) while they still have choices to pick.
      return null;
    case "offtopic":
      // Unlike "tell me a joke", a message the FAQ merely does not resemble may be a question for
      // the business: it follows the tenant's choice for questions the bot cannot answer.
      if (!d.marker && policy.unknownToQueue) return "model_handoff";
      // An honest "I don't have an answer" right after another unanswered question.
      if (!d.marker && streak >= 1) return "unanswered";
      return policy.offTopicToQueue ? "off_topic" : null;
    default:
      return null;
  }
}

/** The decision log's reason for an answer the customer got by picking one of the bot's choices. */
export const CHOSEN_SUGGESTION_REASON = "the customer chose this suggestion";

/** Whether this decision is an honest "I don't have an answer" (the streak; choices do not count). */
export function isUnanswered(d: TurnDecision): boolean {
  return d.kind === "unknown" || (d.kind === "offtopic" && !d.marker);
}
