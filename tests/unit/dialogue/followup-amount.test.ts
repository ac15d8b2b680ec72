// Follow-ups that ask an amount ("how much extra?", "¿y cuánto tarda?") right after an answer are
// about what was just answered, even where the FAQ also has a general prices entry; and a
// follow-up with no topic of its own ("what if it bounces?") is read in its context.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedTenantModel } from "@/lib/training";
import type { BotKnowledge, TurnDecision } from "@/lib/dialogue/decide-turn";
import { knowledgeFor, playConversation } from "./play";

const FAQ = [
  { key: "move-price", language: "en", category: "Prices", question: "How much does a move cost?", alternatives: ["What are your prices for a house move?", "price of a removal"], answer: "A move within the city starts at €350 for a one-bedroom flat; we give a fixed quote after a free survey." },
  { key: "moving-days", language: "en", category: "Planning", question: "Do you move on weekends?", alternatives: ["Which days do you work?", "saturday and sunday moves"], answer: "We move Monday to Saturday, 8:00 to 20:00. Saturday moves cost 15% extra; we do not move on Sundays." },
  { key: "storage", language: "en", category: "Storage", question: "Do you offer storage?", alternatives: ["Can you keep my furniture for a while?", "storage units"], answer: "Yes: secure storage from €60 per month for a 5 m² unit, minimum one month." },
  { key: "boxes", language: "en", category: "Materials", question: "Do you provide boxes?", alternatives: ["packing materials", "can I buy boxes from you"], answer: "Boxes are €2 each and tape €3 a roll; we deliver them two days before the move." },
  { key: "rent-payment", language: "en", category: "Payments", question: "When is the monthly payment taken?", alternatives: ["direct debit date", "how do I pay each month"], answer: "By direct debit on the 1st of each month. If a payment fails we try again on the 5th and add a €15 fee." },
  { key: "insurance", language: "en", category: "Insurance", question: "Are my belongings insured during the move?", alternatives: ["what if something breaks", "damage cover"], answer: "Everything we carry is insured up to €30,000; report damage within 7 days." },
];

let model: LoadedTenantModel;
let knowledge: BotKnowledge;

beforeAll(async () => {
  ({ model, knowledge } = await knowledgeFor(FAQ));
}, 60_000);

afterAll(async () => {
  await model?.dispose();
});

const play = (...texts: string[]): Promise<TurnDecision[]> => playConversation(knowledge, texts, "en");

const topic = (d: TurnDecision) => (d.kind === "answer" ? d.key : d.kind === "suggest" ? d.keys[0] : d.kind);

describe("amounts asked after an answer", () => {
  it.each([
    ["do you move on weekends?", "whats the price", "moving-days"],
    ["do you offer storage?", "price?", "storage"],
    ["do you move on weekends?", "how much extra?", "moving-days"],
  ])("%j then %j stays on %s, not the general prices", async (q, amount, key) => {
    const [first, second] = await play(q, amount);
    expect(topic(first)).toBe(key);
    expect(second).toMatchObject({ kind: "answer", key, followup: true });
  });

  it("a standalone price question is still the prices entry", async () => {
    const [d] = await play("how much does a move cost?");
    expect(topic(d)).toBe("move-price");
  });
});

describe("a follow-up with no topic of its own", () => {
  it("'what if it bounces?' after the payment answer stays on payments", async () => {
    const [first, second] = await play("when is the monthly payment taken?", "what if it bounces?");
    expect(topic(first)).toBe("rent-payment");
    expect(topic(second)).toBe("rent-payment");
  });
});
