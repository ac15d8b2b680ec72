import { beforeAll, describe, expect, it } from "vitest";
import { loadTenantModel, trainTenantModel, type LoadedTenantModel, type TrainedModel } from "@/lib/training";
import { DEMO_FAQ } from "@/lib/seed/demo-faq";

// The demo shop's FAQ (16 entries, English + Spanish, 3–4 phrasings each) is what most tenants'
// FAQs look like: small. A customer who types (nearly) an FAQ question must get its answer; one
// who asks something the shop does not cover must not get an answer.
const examples = DEMO_FAQ.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key })));

let trained: TrainedModel;
let model: LoadedTenantModel;

beforeAll(async () => {
  trained = await trainTenantModel(examples, { seed: 0 });
  model = await loadTenantModel(trained.files);
});

describe("the demo FAQ model (default target: at most 5% of answers wrong)", () => {
  it("answers every entry's own question with high confidence", async () => {
    for (const entry of DEMO_FAQ) {
      const d = await model.decide(entry.question);
      expect({ q: entry.question, kind: d.kind, label: d.candidates[0].label }).toEqual({ q: entry.question, kind: "answer", label: entry.key });
      expect(d.candidates[0].confidence).toBeGreaterThan(0.9);
    }
  });

  it.each([
    ["How long does shipping take?", "shipping-time"],
    ["how long dose shiping take", "shipping-time"],
    ["HOW LONG DOES SHIPPING TAKE", "shipping-time"],
    ["cuanto tarda el envio", "envio-tiempo"],
    ["Cuanto tarda el envío", "envio-tiempo"],
    ["cuanto cuesta el envio", "envio-coste"],
    ["como puedo seguir mi pedido", "seguimiento-pedido"],
    ["where is my order?", "track-order"],
    ["can i pay with paypal", "payment-methods"],
    ["a que hora abren", "horario-atencion"],
  ])("answers the near-verbatim question %j with %s", async (text, key) => {
    const d = await model.decide(text);
    expect(d.kind).toBe("answer");
    expect(d.candidates[0].label).toBe(key);
    expect(d.candidates[0].confidence).toBeGreaterThan(0.9);
  });

  it.each(["do you sell cars", "what's the meaning of life", "¿venden coches?", "cuál es el sentido de la vida", "tell me a joke", "qué tiempo hace hoy"])(
    "does not answer the unrelated question %j",
    async (text) => {
      expect((await model.decide(text)).kind).not.toBe("answer");
    },
  );

  it.each(["¿venden coches?", "asdf qwer", "zzzz"])("hands %j to a person rather than offering unrelated entries", async (text) => {
    expect((await model.decide(text)).kind).toBe("handoff");
  });
  // "what's the meaning of life" shares vague words with the FAQ ("life" ~ "time"): the model may
  // offer entries, and the conversation layer declines it as off-topic (tests/unit/dialogue).
});

describe("the demo FAQ model, trained with other seeds", () => {
  // With 3–4 phrasings per entry, no out-of-fold threshold can be certified; before the fallback in
  // calibration.ts, 6 seeds of 10 gave a model that never answered, not even its own questions.
  it.each([1, 3, 6, 8])("answers every entry's own question (seed %i)", async (seed) => {
    const m = await loadTenantModel((await trainTenantModel(examples, { seed })).files);
    for (const entry of DEMO_FAQ) {
      const d = await m.decide(entry.question);
      expect({ q: entry.question, kind: d.kind, label: d.candidates[0].label }).toEqual({ q: entry.question, kind: "answer", label: entry.key });
    }
    for (const text of ["what's the meaning of life", "¿venden coches?", "tell me a joke"]) expect((await m.decide(text)).kind).not.toBe("answer");
    await m.dispose();
  });
});
