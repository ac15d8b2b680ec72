import { beforeAll, describe, expect, it } from "vitest";
import { loadTenantModel, trainTenantModel, type LoadedTenantModel, type TrainedModel } from "@/lib/training";
import { bilingualFaq } from "./fixtures";

let trained: TrainedModel;
let model: LoadedTenantModel;

beforeAll(async () => {
  trained = await trainTenantModel(bilingualFaq, { seed: 1 });
  model = await loadTenantModel(trained.files);
});

describe("a tenant model trained on a small bilingual FAQ", () => {
  it.each([
    ["cual es el horario de atencion", "horario"],
    ["CUANTO TARDA EL ENVIO???", "envio"],
    ["como devuelvo un prodcto", "devolucion"],
    ["puedo pagar con tarjta de credito", "pago"],
    ["olvide mi contrasena", "contrasena"],
    ["necesito una factrua de la compra", "factura"],
    ["when does my order arrive", "envio"],
    ["i forgot my pasword", "contrasena"],
  ])("routes %j to %s even without accents or with typos", async (text, label) => {
    const d = await model.decide(text);
    expect(d.candidates[0].label).toBe(label);
    expect(d.kind).not.toBe("handoff");
  });

  it.each(["¿Quién ganó el partido de fútbol ayer?", "Tell me a joke about elephants", "!!!", "zzzz qqqq"])(
    "does not answer the unrelated message %j",
    async (text) => {
      const d = await model.decide(text);
      expect(d.kind).not.toBe("answer");
    },
  );

  it("hands off a message with nothing the FAQ knows and says why", async () => {
    const d = await model.decide("🙂🙂");
    expect(d.kind).toBe("handoff");
    expect(d.reason).toMatch(/no words/);
  });

  it("gives calibrated candidates: sorted probabilities that sum to at most 1", async () => {
    const d = await model.decide("how do I reset my password");
    expect(d.kind).toBe("answer");
    expect(d.reason).toMatch(/≥ answer threshold/);
    const conf = d.candidates.map((c) => c.confidence);
    expect([...conf].sort((a, b) => b - a)).toEqual(conf);
    expect(conf.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(conf[0]).toBeGreaterThanOrEqual(trained.calibration.answerThreshold);
  });

  it("decideBatch agrees with decide", async () => {
    const texts = ["donde descargo mis facturas", "what payment methods", "hello there"];
    const batch = await model.decideBatch(texts);
    for (const [i, t] of texts.entries()) {
      const one = await model.decide(t);
      expect(batch[i].kind).toBe(one.kind);
      expect(batch[i].candidates.map((c) => c.label)).toEqual(one.candidates.map((c) => c.label));
      // Padding to the batch's widest message changes float summation order only.
      batch[i].candidates.forEach((c, j) => expect(c.confidence).toBeCloseTo(one.candidates[j].confidence, 5));
    }
  });

  it("reports an evaluation with the fields the dashboard charts", () => {
    const ev = trained.evaluation;
    expect(ev.n).toBe(bilingualFaq.length);
    expect(ev.entries).toBe(6);
    expect(ev.folds).toBeGreaterThanOrEqual(2);
    expect(ev.inScopeAccuracy).toBeGreaterThan(0.5);
    expect(ev.inScopeAccuracy).toBeLessThanOrEqual(1);
    expect(ev.unrelatedScored).toBeGreaterThan(0);
    expect(ev.curve.length).toBeGreaterThan(2);
    for (let i = 1; i < ev.curve.length; i++) {
      expect(ev.curve[i].threshold).toBeGreaterThanOrEqual(ev.curve[i - 1].threshold);
      expect(ev.curve[i].answeredShare).toBeLessThanOrEqual(ev.curve[i - 1].answeredShare);
    }
    expect(Array.isArray(ev.confusedPairs)).toBe(true);
    expect(ev.timings.totalMs).toBeGreaterThan(0);
    // 36 phrasings cannot support precise estimates; the report must say so.
    expect(ev.notes.join(" ")).toMatch(/rough/);
  });
});
