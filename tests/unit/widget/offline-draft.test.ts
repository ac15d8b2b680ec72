// The offline form's starting message: what the customer already wrote about their problem, so
// nobody has to type it again when no person can answer — without small talk and without the
// request for a person itself (detected as the server detects it).
import { describe, expect, it } from "vitest";
import type { WireMessage } from "@/lib/chat/protocol";
import { asksForPerson } from "@/lib/handoff/human-request";
import { offlineDraft } from "@/lib/widget/offline-draft";

let seq = 0;
const msg = (role: WireMessage["role"], text: string, extra: Partial<WireMessage> = {}): WireMessage => ({
  id: `m${++seq}`,
  seq,
  role,
  text,
  clientMessageId: role === "customer" ? `c${seq}` : null,
  createdAt: new Date(2025, 0, 1, 12, 0, seq).toISOString(),
  ...extra,
});
const customer = (text: string, extra: Partial<WireMessage> = {}) => msg("customer", text, extra);
const answer = (text: string) => msg("bot", text, { source: { key: "shipping", question: "How long does shipping take?" } });
const dontKnow = () => msg("bot", "I'm not sure about that. I can put you in touch with a person.", { offerPerson: true });
const smallTalkReply = (text: string) => msg("bot", text);
const offline = () => msg("system", "No one from our team is available right now. Leave your e-mail and message and we'll get back to you.", { kind: "offline", language: "en" });
const draft = (messages: WireMessage[]) => offlineDraft(messages, asksForPerson);

describe("offline form draft", () => {
  it("starts with the problem the customer described, not their request for a person", () => {
    expect(
      draft([customer("my order never arrived, it's been 10 days"), dontKnow(), customer("can someone email me back about this?"), offline()]),
    ).toBe("my order never arrived, it's been 10 days");
  });

  it("keeps every message written since the bot last answered, oldest first, and leaves small talk out", () => {
    expect(
      draft([
        customer("hi"),
        smallTalkReply("Hi! How can I help?"),
        customer("how long does shipping take?"),
        answer("Orders arrive in 3–5 working days."),
        customer("thanks"),
        smallTalkReply("You're welcome!"),
        customer("my parcel says delivered but it is not here"),
        dontKnow(),
        customer("the tracking number is 1Z999"),
        dontKnow(),
        customer("quiero hablar con una persona"),
        offline(),
      ]),
    ).toBe("my parcel says delivered but it is not here\nthe tracking number is 1Z999");
  });

  it("falls back to the last real question when only the request came after an answer", () => {
    expect(draft([customer("hello"), smallTalkReply("Hello!"), customer("how much does shipping cost"), answer("Shipping is free on orders over $50."), offline()])).toBe(
      "how much does shipping cost",
    );
    expect(draft([customer("where is my refund?"), answer("Refunds take 5 days."), customer("I want to talk to a human"), offline()])).toBe("where is my refund?");
  });

  it("keeps a question the bot could not answer even when the hand-off followed at once", () => {
    // The second unanswered question: the bot says it does not know and hands over in the same turn.
    expect(draft([customer("can I pay in instalments?"), msg("bot", "I don't know that one."), offline()])).toBe("can I pay in instalments?");
    // Shouting hands over without a reply; it is still the customer's problem.
    expect(draft([customer("WHERE IS MY ORDER!!!"), offline()])).toBe("WHERE IS MY ORDER!!!");
  });

  it("starts after the last thing a person said", () => {
    expect(
      draft([customer("my card was charged twice"), msg("agent", "I've refunded the second charge."), customer("and my invoice shows the wrong address"), offline()]),
    ).toBe("and my invoice shows the wrong address");
  });

  it("is empty when the customer wrote nothing but small talk and the request", () => {
    expect(draft([customer("hola"), smallTalkReply("¡Hola! ¿En qué puedo ayudarte?"), customer("me puede escribir una persona"), offline()])).toBe("");
    expect(draft([])).toBe("");
  });

  it("leaves files out and stays within the form's limit, dropping the oldest messages first", () => {
    const file = customer("receipt.pdf", { attachment: { id: "a1", name: "receipt.pdf", contentType: "application/pdf", size: 1000, url: "/x" } });
    expect(draft([customer("the box was damaged"), dontKnow(), file, offline()])).toBe("the box was damaged");
    const long = "x".repeat(30);
    expect(offlineDraft([customer(`first ${long}`), dontKnow(), customer(`second ${long}`), dontKnow()], asksForPerson, 50)).toBe(`second ${long}`);
    expect(offlineDraft([customer("y".repeat(80)), dontKnow()], asksForPerson, 50)).toBe("y".repeat(50));
  });
});
