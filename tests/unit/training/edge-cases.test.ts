import { describe, expect, it } from "vitest";
import { loadTenantModel, runTrainingInWorker, trainTenantModel, TrainingError } from "@/lib/training";
import { normalizeText } from "@/lib/training/normalize";
import { bilingualFaq, tinyFaq } from "./fixtures";

describe("input edge cases", () => {
  it("rejects an empty FAQ with a clear error", async () => {
    await expect(trainTenantModel([])).rejects.toMatchObject({ reason: "empty_input", message: expect.stringMatching(/no phrasings/) });
    await expect(trainTenantModel([{ text: "  ?! ", label: "a" }])).rejects.toBeInstanceOf(TrainingError);
  });

  it("rejects an FAQ with a single entry, since nothing can be told apart", async () => {
    await expect(trainTenantModel([{ text: "hello", label: "a" }, { text: "hi", label: "a" }])).rejects.toMatchObject({ reason: "invalid_input" });
  });

  it("trains a 5-entry, 1-phrasing FAQ and says its estimates are rough", async () => {
    const trained = await trainTenantModel(tinyFaq);
    expect(trained.evaluation.rough).toBe(true);
    expect(trained.evaluation.notes.join(" ")).toMatch(/rough/);
    const model = await loadTenantModel(trained.files);
    expect((await model.decide("how long does shiping take")).candidates[0].label).toBe("shipping");
    expect((await model.decide("football results")).kind).not.toBe("answer");
  });

  it("normalises case, accents, punctuation and spacing the same in both languages", () => {
    expect(normalizeText("  ¿Cuál es  el HORARIO?  ")).toBe("cual es el horario");
    expect(normalizeText("Don't   PANIC!!")).toBe("dont panic");
    expect(normalizeText("Ñandú, pingüino")).toBe("nandu pinguino");
  });
});

describe("cancellation and worker runs", () => {
  it("stops when the signal aborts mid-training", async () => {
    const controller = new AbortController();
    const phases: string[] = [];
    const run = trainTenantModel(bilingualFaq, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === "evaluate") controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ reason: "cancelled" });
    expect(phases).not.toContain("done");
  });

  it("trains in a worker thread, forwarding progress, and can be cancelled", async () => {
    const fractions: number[] = [];
    const run = runTrainingInWorker(bilingualFaq, { onProgress: (p) => fractions.push(p.fraction) });
    expect(run.mode).toBe("worker");
    const trained = await run.result;
    expect(trained.evaluation.n).toBe(bilingualFaq.length);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    const model = await loadTenantModel(trained.files);
    expect((await model.decide("I forgot my password")).candidates[0].label).toBe("contrasena");

    const second = runTrainingInWorker(bilingualFaq);
    second.cancel();
    await expect(second.result).rejects.toMatchObject({ reason: "cancelled" });
  });
});
