import { describe, expect, it } from "vitest";
import { detectLanguage, resolveLanguageCode } from "@/lib/faq/language";

describe("detectLanguage", () => {
  it.each([
    ["hola", "es"],
    ["gracias", "es"],
    ["¿cuánto cuesta el envío?", "es"],
    ["cuanto cuesta el envio", "es"],
    ["mi pedido no ha llegado", "es"],
    ["¿Hacéis envíos a Portugal?", "es"],
    ["necesito ayuda", "es"],
    ["a que hora abris", "es"],
    ["where is my order", "en"],
    ["hi", "en"],
    ["thanks", "en"],
    ["Do you ship to Portugal?", "en"],
    ["can I pay by card", "en"],
    ["I need help", "en"],
    ["Olá, onde está minha encomenda?", "pt"],
    ["Bonjour, où est ma commande ?", "fr"],
    ["Hallo, wo ist meine Bestellung?", "de"],
    ["Ciao, dov'è il mio ordine?", "it"],
    ["Bon dia, vull tornar una comanda", "ca"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each(["ok", "12345", "?", "no", "si", "pedido", ""])("is unsure about %j", (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it("handles long answers with mixed vocabulary", () => {
    expect(detectLanguage("Tienes 30 días para devolverlo: entra en \"Mis pedidos\", pulsa \"Devolver\" y lleva el paquete a Correos. Check the PayPal email.")).toBe("es");
  });
});

describe("resolveLanguageCode", () => {
  it("accepts ISO 639-1 codes, regional variants and common names", () => {
    expect(["es", "EN", "pt-BR", "ca_ES", "Español", "english", "zh"].map(resolveLanguageCode)).toEqual(["es", "en", "pt", "ca", "es", "en", "zh"]);
  });

  it("rejects anything else", () => {
    expect(["xx", "spa", "klingon", ""].map(resolveLanguageCode)).toEqual([null, null, null, null]);
  });
});
