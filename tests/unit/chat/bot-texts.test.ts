// The bot's fixed texts: six languages, English for any other, and the tenant's own wording first.
import { describe, expect, it } from "vitest";
import { botText, t } from "@/lib/chat/strings";
import { smallTalkReply } from "@/lib/dialogue/replies";
import { DEFAULT_TENANT_SETTINGS } from "@/lib/tenancy/settings";

describe("the bot's own texts", () => {
  it("speaks English, Spanish, French, German, Portuguese and Italian, and English otherwise", () => {
    expect(t("noModel", "fr")).toBe("Je ne peux pas encore répondre aux questions.");
    expect(t("noModel", "de-AT")).toBe("Ich kann noch keine Fragen beantworten.");
    expect(t("noModel", "pt")).toMatch(/^Ainda/);
    expect(t("noModel", "it")).toMatch(/^Non posso/);
    expect(t("noModel", "nl")).toBe("I can't answer questions yet.");
    expect(t("minutes", "de", { n: 3 })).toBe("etwa 3 Min.");
  });

  it("uses the tenant's wording when there is one for the language, with its variables filled in", () => {
    const own = { offTopic: { en: "Only bikes here ({topics})." } };
    expect(botText(own, "offTopic", "en", { topics: "repairs" })).toBe("Only bikes here (repairs).");
    expect(botText(own, "offTopic", "es", { topics: "reparaciones" })).toMatch(/^Lo siento/);
    expect(botText(undefined, "dontKnowOffer", "fr")).toMatch(/^Je n'ai pas de réponse/);
  });

  it("answers small talk in the visitor's language", () => {
    expect(smallTalkReply("greeting", "fr", DEFAULT_TENANT_SETTINGS, "Shop", null)).toBe("Bonjour ! Comment puis-je vous aider ?");
    expect(smallTalkReply("capabilities", "it", DEFAULT_TENANT_SETTINGS, "Shop", null)).toContain("i nostri prodotti e servizi");
  });
});
