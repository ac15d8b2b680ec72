import { describe, expect, it } from "vitest";
import { Outbox } from "@/components/widget/outbox";
import { memoryStore } from "@/components/widget/storage";
import { newClientMessageId } from "@/components/widget/client-id";
import { ZClientMessageId } from "@/lib/chat/protocol";

describe("Outbox", () => {
  it("persists items in order and survives a new page (new Outbox on the same storage)", () => {
    const store = memoryStore();
    const a = new Outbox(store, "k");
    a.add({ kind: "text", clientMessageId: "c1", text: "first" });
    a.add({ kind: "suggestion", clientMessageId: "c2", faqEntryKey: "shipping", question: "How long?" });
    a.add({ kind: "text", clientMessageId: "c1", text: "first" });
    const reloaded = new Outbox(store, "k");
    expect(reloaded.list().map((i) => i.clientMessageId)).toEqual(["c1", "c2"]);
    reloaded.remove("c1");
    expect(new Outbox(store, "k").list().map((i) => i.clientMessageId)).toEqual(["c2"]);
  });

  it("keeps another tab's unsent items when removing its own", () => {
    const store = memoryStore();
    const tab1 = new Outbox(store, "k");
    const tab2 = new Outbox(store, "k");
    tab1.add({ kind: "text", clientMessageId: "t1", text: "from tab 1" });
    tab2.add({ kind: "text", clientMessageId: "t2", text: "from tab 2" });
    tab1.remove("t1");
    expect(new Outbox(store, "k").list().map((i) => i.clientMessageId)).toEqual(["t2"]);
  });

  it("ignores corrupt storage", () => {
    const store = memoryStore();
    store.setItem("k", "{not json");
    expect(new Outbox(store, "k").list()).toEqual([]);
    store.setItem("k", JSON.stringify([{ kind: "text", clientMessageId: "ok", text: "fine" }, { kind: "text" }, 42]));
    expect(new Outbox(store, "k").list()).toHaveLength(1);
  });

  it("still sends from memory when storage refuses writes", () => {
    const store = { getItem: () => null, setItem: () => { throw new Error("QuotaExceeded"); }, removeItem: () => {} };
    const box = new Outbox(store, "k");
    box.add({ kind: "text", clientMessageId: "c1", text: "hi" });
    expect(box.list()).toHaveLength(1);
  });
});

describe("newClientMessageId", () => {
  it("makes distinct ids the server accepts", () => {
    const ids = new Set(Array.from({ length: 200 }, newClientMessageId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(ZClientMessageId.safeParse(id).success).toBe(true);
  });
});
