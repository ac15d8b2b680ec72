import { describe, expect, it } from "vitest";
import type { WireMessage } from "@/lib/chat/protocol";
import { chatReducer, highestSeq, initialChatState, mergeMessages } from "@/components/widget/chat-state";

const msg = (seq: number, over: Partial<WireMessage> = {}): WireMessage => ({
  id: `m${seq}`,
  seq,
  role: "customer",
  text: `text ${seq}`,
  clientMessageId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

describe("mergeMessages", () => {
  it("orders by seq and keeps one copy per id, the newer copy winning", () => {
    const merged = mergeMessages([msg(2), msg(1)], [msg(3), { ...msg(2), text: "edited" }]);
    expect(merged.map((m) => [m.id, m.text])).toEqual([
      ["m1", "text 1"],
      ["m2", "edited"],
      ["m3", "text 3"],
    ]);
  });

  it("keeps one customer message per client id even under two ids", () => {
    const merged = mergeMessages([msg(1, { clientMessageId: "c-1" })], [msg(4, { id: "other", clientMessageId: "c-1" })]);
    expect(merged).toHaveLength(1);
  });

  it("reports the highest seq seen", () => {
    expect(highestSeq([msg(3), msg(9), msg(5)])).toBe(9);
    expect(highestSeq([])).toBe(0);
  });
});

describe("chatReducer", () => {
  it("shows a queued message as sending and replaces it with the stored one on ack", () => {
    let s = chatReducer(initialChatState(), { type: "queued", clientMessageId: "c-1", text: "hi" });
    expect(s.pending).toEqual([{ clientMessageId: "c-1", text: "hi", status: "sending" }]);
    s = chatReducer(s, { type: "acked", clientMessageId: "c-1", message: msg(1, { clientMessageId: "c-1", text: "hi" }) });
    expect(s.pending).toEqual([]);
    expect(s.messages.map((m) => m.text)).toEqual(["hi"]);
  });

  it("does not duplicate a message that arrives by sync, echo and ack", () => {
    const stored = msg(1, { clientMessageId: "c-1", text: "hi" });
    let s = chatReducer(initialChatState([{ clientMessageId: "c-1", text: "hi" }]), { type: "synced", messages: [stored] });
    expect(s.pending).toEqual([]);
    s = chatReducer(s, { type: "message", message: stored });
    s = chatReducer(s, { type: "acked", clientMessageId: "c-1", message: stored });
    expect(s.messages).toHaveLength(1);
  });

  it("streams a reply: typing, deltas appended, then the stored message replaces the bubble", () => {
    let s = chatReducer(initialChatState(), { type: "bot:typing", replyTo: "q1" });
    expect(s.streams).toEqual([{ replyTo: "q1", text: "" }]);
    s = chatReducer(s, { type: "bot:delta", replyTo: "q1", text: "Orders ship " });
    s = chatReducer(s, { type: "bot:delta", replyTo: "q1", text: "in a day." });
    expect(s.streams[0]!.text).toBe("Orders ship in a day.");
    s = chatReducer(s, { type: "bot:delta", replyTo: "q1", text: "Corrected.", replace: true });
    expect(s.streams[0]!.text).toBe("Corrected.");
    s = chatReducer(s, { type: "bot:done", replyTo: "q1", message: msg(2, { role: "bot", text: "Orders ship in a day." }) });
    expect(s.streams).toEqual([]);
    expect(s.messages.map((m) => m.text)).toEqual(["Orders ship in a day."]);
  });

  it("drops an unfinished streamed bubble on reconnect and ignores its late deltas", () => {
    let s = chatReducer(initialChatState(), { type: "bot:delta", replyTo: "q1", text: "half an ans" });
    s = chatReducer(s, { type: "synced", messages: [] });
    expect(s.streams).toEqual([]);
    s = chatReducer(s, { type: "bot:delta", replyTo: "q1", text: "wer" });
    expect(s.streams).toEqual([]);
    s = chatReducer(s, { type: "bot:done", replyTo: "q1", message: msg(2, { role: "bot", text: "a full answer" }) });
    expect(s.messages.map((m) => m.text)).toEqual(["a full answer"]);
  });

  it("marks a refused message failed and lets it be retried or dismissed", () => {
    let s = chatReducer(initialChatState(), { type: "queued", clientMessageId: "c-1", text: "x".repeat(10) });
    s = chatReducer(s, { type: "failed", clientMessageId: "c-1", error: "Too long" });
    expect(s.pending[0]).toMatchObject({ status: "failed", error: "Too long" });
    s = chatReducer(s, { type: "retry", clientMessageId: "c-1" });
    expect(s.pending[0]).toMatchObject({ status: "sending" });
    s = chatReducer(s, { type: "discard", clientMessageId: "c-1" });
    expect(s.pending).toEqual([]);
  });

  it("drops the rating prompt once the customer writes a new message, not when an old one is retried", () => {
    let s = chatReducer(initialChatState(), { type: "queued", clientMessageId: "c-1", text: "where is my order?" });
    s = chatReducer(s, { type: "rating", requested: true });
    // Retrying a message sent before the prompt appeared is not a new message.
    s = chatReducer(s, { type: "queued", clientMessageId: "c-1", text: "where is my order?" });
    expect(s.ratingRequested).toBe(true);
    s = chatReducer(s, { type: "queued", clientMessageId: "c-2", text: "and can I change the address?" });
    expect(s.ratingRequested).toBe(false);
  });

  it("updates feedback in place", () => {
    let s = chatReducer(initialChatState(), { type: "synced", messages: [msg(1, { role: "bot" })] });
    s = chatReducer(s, { type: "feedback", messageId: "m1", value: -1 });
    expect(s.messages[0]!.feedback).toBe(-1);
  });
});
