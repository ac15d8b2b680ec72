// The postMessage protocol between the loader (on the customer's website) and the chat frame (on
// the app's origin). Both sides name the target origin on every post and check `event.origin`
// and `event.source` on every message received; this module only holds the message shapes and
// the tag that tells our messages apart from anything else the host page posts.

export const BRIDGE_TAG = "faqbot-widget";

/**
 * Loader → frame. `init` answers the frame's `ready` with the chat's saved state (visitor token,
 * outbox) from the host page's storage: browsers that block third-party storage would otherwise
 * forget the conversation on every reload.
 */
export type HostToFrame =
  | { tag: typeof BRIDGE_TAG; type: "open" }
  | { tag: typeof BRIDGE_TAG; type: "close" }
  | { tag: typeof BRIDGE_TAG; type: "init"; storage: Record<string, string> }
  /** `FaqBot.identify(user, signature)` on the host page; answered by `identified` with the same `seq`. */
  | { tag: typeof BRIDGE_TAG; type: "identify"; seq: number; user: { id: string; email?: string; name?: string }; signature: string };

/** Frame → loader. */
export type FrameToHost =
  | { tag: typeof BRIDGE_TAG; type: "ready" }
  | { tag: typeof BRIDGE_TAG; type: "close" }
  | { tag: typeof BRIDGE_TAG; type: "unread"; count: number }
  /** Save (value) or delete (null) one of the chat's keys in the host page's storage. */
  | { tag: typeof BRIDGE_TAG; type: "store"; key: string; value: string | null }
  /** The visitor asked to be connected and the chat should be opened (e.g. an agent replied). */
  | { tag: typeof BRIDGE_TAG; type: "open" }
  /** The language the chat's words follow now (the conversation's): the launcher labels itself in it. */
  | { tag: typeof BRIDGE_TAG; type: "language"; language: string }
  /** The server's answer to `identify`: verified, or refused with the reason. */
  | { tag: typeof BRIDGE_TAG; type: "identified"; seq: number; ok: boolean; error?: string };

/** A bridge message as the sender writes it; `tag` is added on posting. */
export type Untagged<M> = M extends { tag: string } ? Omit<M, "tag"> : never;

export function isBridgeMessage<T extends { tag: string; type: string }>(data: unknown): data is T {
  return typeof data === "object" && data !== null && (data as { tag?: unknown }).tag === BRIDGE_TAG && typeof (data as { type?: unknown }).type === "string";
}

/** Keys the chat of one widget key may keep in the host page's storage. */
export const storagePrefix = (widgetKey: string) => `faqbot:v1:${widgetKey}:`;
