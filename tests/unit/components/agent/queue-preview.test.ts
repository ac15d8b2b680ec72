// The queue card's preview: the customer's problem, not their request for a person (which the
// card's reason already says), from the hand-off's context and the latest message.
import { describe, expect, it } from "vitest";
import { queuePreview } from "@/components/agent/queue-panel";

const item = (questions: string[], lastMessage: string | null = questions.at(-1) ?? null) => ({ lastMessage, context: { trigger: "", questions, botAnswers: [] } });

describe("queue card preview", () => {
  it("shows the latest message that is not a request for a person", () => {
    expect(queuePreview(item(["hi", "my parcel hasnt arrived, order 4471", "I want to talk to a person"]))).toBe("my parcel hasnt arrived, order 4471");
    expect(queuePreview(item(["¿dónde está mi pedido 4471?", "quiero hablar con una persona, por favor"]))).toBe("¿dónde está mi pedido 4471?");
  });

  it("prefers a newer message written while waiting, unless that one asks for a person too", () => {
    expect(queuePreview(item(["where is my order?", "agent please"], "it was order 4471, paid by card"))).toBe("it was order 4471, paid by card");
    expect(queuePreview(item(["where is my order?", "agent please"], "hello?? can I speak to a human"))).toBe("where is my order?");
  });

  it("falls back to the latest message when every message asks for a person, or there is no context", () => {
    expect(queuePreview(item(["human please", "talk to a person"]))).toBe("talk to a person");
    expect(queuePreview({ lastMessage: "I need help with my bill", context: {} as never })).toBe("I need help with my bill");
    expect(queuePreview({ lastMessage: null, context: {} as never })).toBeNull();
  });

  it("does not count the server's shortened copy of the last message as another message", () => {
    const long = `my parcel hasnt arrived ${"x".repeat(300)}`;
    expect(queuePreview(item([long, "agent"], "agent"))).toBe(long);
    expect(queuePreview(item([long], long.slice(0, 200)))).toBe(long);
  });
});
