// Per-tenant browser storage for the chat frame: the visitor token and the outbox. Inside a
// website the frame keeps them in the host page's storage through the loader (`hostStore`):
// browsers that block third-party storage would otherwise start a new conversation on every
// page. Opened directly (admin preview) it uses its own localStorage; where storage is blocked
// altogether, an in-memory store keeps the chat working for the page's lifetime.
import { storagePrefix } from "@/widget/bridge";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

export function browserStore(): KeyValueStore {
  try {
    const ls = window.localStorage;
    const probe = "faqbot:probe";
    ls.setItem(probe, "1");
    ls.removeItem(probe);
    return ls;
  } catch {
    return memoryStore();
  }
}

/** A mirror of the host page's saved chat state; every write is sent to the loader to persist. */
export function hostStore(snapshot: Record<string, string>, persist: (key: string, value: string | null) => void): KeyValueStore {
  const m = new Map(Object.entries(snapshot).filter(([, v]) => typeof v === "string"));
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => {
      m.set(k, v);
      persist(k, v);
    },
    removeItem: (k) => {
      m.delete(k);
      persist(k, null);
    },
  };
}

export const storageKeys = {
  visitorToken: (widgetKey: string) => `${storagePrefix(widgetKey)}visitor`,
  outbox: (widgetKey: string) => `${storagePrefix(widgetKey)}outbox`,
  /** What the customer has typed and not sent yet (kept across reloads and pages). */
  draft: (widgetKey: string) => `${storagePrefix(widgetKey)}draft`,
};
