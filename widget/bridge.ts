// The postMessage protocol between the loader (on the customer's website) and the chat frame (on
// the app's origin). Both sides name the target origin on every post and check `event.origin`
// and `event.source` on every message received; this module only holds the message shapes and
// the tag that tells our messages apart from anything else the host page posts.

export const BRIDGE_TAG = "faqbot-widget";

/** Loader → frame. */
export type HostToFrame = { tag: typeof BRIDGE_TAG; type: "open" } | { tag: typeof BRIDGE_TAG; type: "close" };

/** Frame → loader. */
export type FrameToHost =
  | { tag: typeof BRIDGE_TAG; type: "ready" }
  | { tag: typeof BRIDGE_TAG; type: "close" }
  | { tag: typeof BRIDGE_TAG; type: "unread"; count: number }
  /** The visitor asked to be connected and the chat should be opened (e.g. an agent replied). */
  | { tag: typeof BRIDGE_TAG; type: "open" };

export function isBridgeMessage<T extends { tag: string; type: string }>(data: unknown): data is T {
  return typeof data === "object" && data !== null && (data as { tag?: unknown }).tag === BRIDGE_TAG && typeof (data as { type?: unknown }).type === "string";
}
