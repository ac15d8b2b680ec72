// Which of the FAQ model's decisions the documents may answer: never small talk, a request for a
// person, an FAQ answer or an off-topic request by its words; unknown questions and questions
// unlike the FAQ at the normal threshold; "did you mean" choices strictly when they are plausible.
import { describe, expect, it } from "vitest";
import { documentsMayAnswer } from "@/lib/knowledge/reply";
import type { TurnDecision } from "@/lib/dialogue/decide-turn";

const u = (probability: number) => ({ probability }) as unknown as Extract<TurnDecision, { kind: "suggest" }>["understanding"];

describe("documentsMayAnswer", () => {
  it("keeps the documents away from small talk, people, FAQ answers and off-topic requests", () => {
    expect(documentsMayAnswer({ kind: "smalltalk", intent: "greeting", language: "en" } as TurnDecision)).toBeNull();
    expect(documentsMayAnswer({ kind: "human", language: "en" })).toBeNull();
    expect(documentsMayAnswer({ kind: "answer", key: "k", confidence: 0.9, language: "en", understanding: u(0.9), followup: false })).toBeNull();
    expect(documentsMayAnswer({ kind: "offtopic", language: "en", reason: "joke", marker: true, understanding: null })).toBeNull();
  });

  it("lets them answer unknown and unlike-the-FAQ questions, and plausible choices only strictly", () => {
    expect(documentsMayAnswer({ kind: "unknown", language: "en", understanding: u(0.05) })).toEqual({ strict: false });
    expect(documentsMayAnswer({ kind: "offtopic", language: "en", reason: "coverage", marker: false, understanding: null })).toEqual({ strict: false });
    expect(documentsMayAnswer({ kind: "suggest", keys: ["a"], language: "en", understanding: u(0.1), followup: false })).toEqual({ strict: false });
    expect(documentsMayAnswer({ kind: "suggest", keys: ["a"], language: "en", understanding: u(0.6), followup: false })).toEqual({ strict: true });
  });
});
