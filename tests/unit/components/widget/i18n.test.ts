import { describe, expect, it } from "vitest";
import { chooseLanguage, uiStrings } from "@/components/widget/i18n";

describe("chooseLanguage", () => {
  const supported = ["en", "es"];
  it("uses the embed's data-lang when the tenant offers it", () => {
    expect(chooseLanguage({ requested: "es", browser: ["en-US"], supported, fallback: "en" })).toBe("es");
  });
  it("uses the first browser language the tenant offers, ignoring region", () => {
    expect(chooseLanguage({ requested: null, browser: ["fr-FR", "es-MX", "en"], supported, fallback: "en" })).toBe("es");
  });
  it("falls back to the tenant's default", () => {
    expect(chooseLanguage({ requested: "de", browser: ["fr-FR", "it"], supported, fallback: "es" })).toBe("es");
  });
  it("gives Spanish UI strings for Spanish and English for anything else", () => {
    expect(uiStrings("es").send).toBe("Enviar");
    expect(uiStrings("fr").send).toBe("Send");
  });
});
