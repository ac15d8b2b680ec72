// Typo correction and Spanish diminutives against the FAQ's vocabulary (lib/training/spelling.ts).
import { describe, expect, it } from "vitest";
import { buildSpeller, correctWord, undiminish } from "@/lib/training/spelling";

const known = new Set(["perro", "perros", "gato", "cafe", "poco", "rato", "casa", "momento", "pan", "chico", "amigo", "mascota", "visa", "bono", "paso"]);

describe("Spanish diminutives", () => {
  it.each([
    ["perrito", "perro"],
    ["perritos", "perros"],
    ["gatitos", "gato"],
    ["cafecito", "cafe"],
    ["poquito", "poco"],
    ["ratito", "rato"],
    ["casita", "casa"],
    ["momentito", "momento"],
    ["pancito", "pan"],
    ["chiquito", "chico"],
    ["amiguito", "amigo"],
  ])("%s → %s", (word, base) => {
    expect(undiminish(word, known)).toBe(base);
  });

  it.each(["visita", "bonito", "cita", "maldito", "exito", "perro"])("leaves %s alone", (word) => {
    expect(undiminish(word, known)).toBeNull();
  });
});

describe("typo correction", () => {
  const sp = buildSpeller([...known].map((w) => `w:${w}`));
  it("corrects one edit to a single known word and leaves the rest", () => {
    expect(correctWord("perrp", sp)).toBe("perro");
    expect(correctWord("zzzzz", sp)).toBe("zzzzz");
  });
});
