import { describe, expect, it } from "vitest";
import { chooseLanguage, chooseUiLanguage, uiStrings } from "@/components/widget/i18n";

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
  it("speaks six languages and English for anything else", () => {
    expect(uiStrings("es").send).toBe("Enviar");
    expect(uiStrings("fr-CA").send).toBe("Envoyer");
    expect(uiStrings("de").send).toBe("Senden");
    expect(uiStrings("pt-BR").talkToPerson).toBe("Falar com uma pessoa");
    expect(uiStrings("it").send).toBe("Invia");
    expect(uiStrings("nl").send).toBe("Send");
  });

  it("picks the widget's language from data-lang, then the browser, then the default", () => {
    expect(chooseUiLanguage({ requested: "fr", browser: ["en-US"], fallback: "en" })).toBe("fr");
    expect(chooseUiLanguage({ requested: "nl", browser: ["nl-NL", "de-DE"], fallback: "en" })).toBe("de");
    expect(chooseUiLanguage({ requested: null, browser: ["ja"], fallback: "es" })).toBe("es");
    expect(chooseUiLanguage({ requested: null, browser: ["ja"], fallback: "zz" })).toBe("en");
  });
});
