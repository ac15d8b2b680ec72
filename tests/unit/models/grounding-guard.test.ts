import { describe, expect, it } from "vitest";
import { checkGrounding, extractFacts } from "@/lib/models/grounding-guard";

const hours = ["¿Cuál es el horario?\nAbrimos de lunes a viernes de 9:00 a 18:00. Los sábados, de 10:00 a 14:00."];
const shipping = ["How much is shipping?\nShipping costs 4.95 EUR and is free for orders over 50 EUR. Track it at https://shop.example.com/track or write to help@example.com."];

describe("grounding guard", () => {
  it("accepts a Spanish paraphrase built from the passage", () => {
    const v = checkGrounding("Abrimos de lunes a viernes, de 9:00 a 18:00.", hours);
    expect(v.ok).toBe(true);
  });

  it("accepts an English answer that quotes prices, link and email from the passage", () => {
    const v = checkGrounding("Shipping costs 4.95 EUR, free for orders over 50 EUR. Track orders at https://shop.example.com/track.", shipping);
    expect(v.ok).toBe(true);
    expect(checkGrounding("Write to help@example.com about shipping.", shipping).ok).toBe(true);
  });

  it("rejects an invented time, price, link or email even when the words match", () => {
    expect(checkGrounding("Abrimos de lunes a viernes de 8:00 a 18:00.", hours).unsupportedFacts).toEqual(["8:00"]);
    expect(checkGrounding("Shipping costs 5.95 EUR.", shipping).ok).toBe(false);
    expect(checkGrounding("Track it at https://evil.example.net/track", shipping).ok).toBe(false);
    expect(checkGrounding("Write to sales@example.com about shipping.", shipping).ok).toBe(false);
  });

  it("does not let a figure match inside a longer one", () => {
    expect(checkGrounding("Shipping is free over 5 EUR.", shipping).unsupportedFacts).toEqual(["5"]);
  });

  it("rejects answers whose words do not come from the passages, and empty answers", () => {
    const v = checkGrounding("We recommend our premium membership for faster delivery.", shipping);
    expect(v.ok).toBe(false);
    expect(v.reason).toMatch(/words come from the FAQ/);
    expect(checkGrounding("   ", shipping).ok).toBe(false);
  });

  it("folds case and accents", () => {
    expect(checkGrounding("ABRIMOS DE LUNES A VIERNES.", hours).ok).toBe(true);
    expect(extractFacts("Llama al +34 600 123 456 o visita www.Ejemplo.es.")).toEqual(["www.ejemplo.es", "34600123456"]);
  });
});
