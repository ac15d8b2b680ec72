import { describe, expect, it } from "vitest";
import { UI_LANGUAGES, UI_STRINGS, chooseLanguage, chooseUiLanguage, conversationUiLanguage, uiStrings } from "@/components/widget/i18n";

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

describe("the language the widget follows during the chat", () => {
  it("is that of the latest bot reply or system notice naming a language the widget speaks", () => {
    const messages = [
      { role: "customer", language: null },
      { role: "bot", language: "en" },
      { role: "customer", language: null },
      { role: "bot", language: "es" },
      { role: "customer", language: null },
    ];
    expect(conversationUiLanguage(messages, "en")).toBe("es");
    expect(conversationUiLanguage([...messages, { role: "system", language: "pt-BR" }], "en")).toBe("pt");
    expect(conversationUiLanguage([...messages, { role: "bot", language: "nl" }], "de")).toBe("de");
    expect(conversationUiLanguage([], "fr")).toBe("fr");
  });
});

describe("the e-mail form's heading", () => {
  it("is short, in every language, and never the sentence of the chat's own 'nobody available' line", () => {
    for (const lang of UI_LANGUAGES) {
      const s = UI_STRINGS[lang];
      expect(s.offlineHeading.length, lang).toBeLessThan(45);
      expect(s.queuedAway.length, lang).toBeGreaterThan(s.offlineHeading.length);
    }
    expect(uiStrings("es").offlineHeading).toBe("Déjanos tu e-mail");
    expect(new Set(UI_LANGUAGES.map((l) => UI_STRINGS[l].offlineHeading)).size).toBe(UI_LANGUAGES.length);
  });
});
