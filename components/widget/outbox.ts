// Messages the visitor sent that the server has not confirmed yet, persisted before the first
// send attempt so a reload, a crash or a lost connection cannot lose them. Items leave the outbox
// only when the server's ack arrives (or it refuses them for good); they are re-sent in order.
import type { KeyValueStore } from "./storage";

export type OutboxItem =
  | { kind: "text"; clientMessageId: string; text: string }
  | { kind: "suggestion"; clientMessageId: string; faqEntryKey: string; question: string };

const MAX_ITEMS = 50;

export class Outbox {
  /** This page's view; storage is the durable copy, shared with the site's other tabs. */
  private items: OutboxItem[];

  constructor(
    private readonly store: KeyValueStore,
    private readonly storageKey: string,
  ) {
    this.items = this.read();
  }

  list(): OutboxItem[] {
    return [...this.items];
  }

  add(item: OutboxItem): void {
    if (!this.items.some((i) => i.clientMessageId === item.clientMessageId)) this.items = [...this.items, item].slice(-MAX_ITEMS);
    // Read-modify-write so another tab's unsent items are kept.
    const stored = this.read();
    if (!stored.some((i) => i.clientMessageId === item.clientMessageId)) this.write([...stored, item].slice(-MAX_ITEMS));
  }

  remove(clientMessageId: string): void {
    this.items = this.items.filter((i) => i.clientMessageId !== clientMessageId);
    const stored = this.read();
    const next = stored.filter((i) => i.clientMessageId !== clientMessageId);
    if (next.length !== stored.length) this.write(next);
  }

  private read(): OutboxItem[] {
    try {
      const raw = JSON.parse(this.store.getItem(this.storageKey) ?? "[]") as unknown;
      return Array.isArray(raw) ? raw.filter(isItem) : [];
    } catch {
      return [];
    }
  }

  private write(items: OutboxItem[]): void {
    try {
      if (items.length === 0) this.store.removeItem(this.storageKey);
      else this.store.setItem(this.storageKey, JSON.stringify(items));
    } catch {
      /* quota exceeded: the item still goes out from memory, it just would not survive a reload */
    }
  }
}

export function outboxText(item: OutboxItem): string {
  return item.kind === "text" ? item.text : item.question;
}

function isItem(v: unknown): v is OutboxItem {
  if (typeof v !== "object" || v === null) return false;
  const i = v as Record<string, unknown>;
  if (typeof i.clientMessageId !== "string") return false;
  if (i.kind === "text") return typeof i.text === "string";
  return i.kind === "suggestion" && typeof i.faqEntryKey === "string" && typeof i.question === "string";
}
