// The pre-chat form's answers as the widget checks them (and the server again): required fields
// must be filled, an e-mail must look like one, hidden fields are dropped, each message names the
// field's problem in the widget's language.
import { describe, expect, it } from "vitest";
import { prechatAnswersSchema, prechatErrors, shownFields } from "@/lib/chat/prechat-form";
import { uiStrings } from "@/components/widget/i18n";

describe("pre-chat form", () => {
  const form = { name: "required", email: "required", topic: "optional" } as const;

  it("names each field's problem", () => {
    expect(prechatErrors(form, { name: " ", email: "ana@", topic: "" })).toEqual({
      name: "Enter your name.",
      email: "Enter a valid e-mail address, like name@example.com.",
    });
    expect(prechatErrors(form, { name: "x".repeat(101), email: "", topic: "y".repeat(301) })).toEqual({
      name: "Your name is too long (at most 100 characters).",
      email: "Enter your e-mail address.",
      topic: "Keep the topic under 300 characters.",
    });
    expect(prechatErrors({ name: "off", email: "off", topic: "required" }, { topic: "" })).toEqual({ topic: "Tell us what your question is about." });
  });

  it("speaks the widget's language", () => {
    expect(prechatErrors(form, { name: "", email: "nope", topic: "" }, uiStrings("fr").prechatErrors)).toEqual({
      name: "Indiquez votre nom.",
      email: "Indiquez une adresse e-mail valide, comme nom@exemple.fr.",
    });
  });

  it("trims answers, turns empty optional ones into null and drops hidden fields", () => {
    expect(prechatAnswersSchema(form).parse({ name: "  Ana ", email: "ana@example.com", topic: "" })).toEqual({ name: "Ana", email: "ana@example.com", topic: null });
    expect(prechatAnswersSchema({ name: "optional", email: "off", topic: "off" }).parse({ name: "", email: "sneaky", topic: "x" })).toEqual({ name: null, email: null, topic: null });
    expect(shownFields({ name: "off", email: "required", topic: "optional" })).toEqual(["email", "topic"]);
  });
});
