// Per-tenant browser storage for the chat frame: the visitor token and the outbox. Browsers may
// block storage in third-party iframes; the chat then keeps working for the page's lifetime with
// an in-memory store instead of failing.

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

export const storageKeys = {
  visitorToken: (widgetKey: string) => `faqbot:v1:${widgetKey}:visitor`,
  outbox: (widgetKey: string) => `faqbot:v1:${widgetKey}:outbox`,
};
