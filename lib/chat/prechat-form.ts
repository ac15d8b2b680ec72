// The pre-chat form (a workspace setting, off by default): name, e-mail and topic, each hidden,
// optional or required, asked before the customer's first message. One zod schema built from the
// setting validates the answers in the widget (messages in the widget's language) and again on the
// server (lib/chat/prechat.ts). Pure: imported by the widget frame too.
import { z } from "zod";

export const PRECHAT_FIELDS = ["name", "email", "topic"] as const;
export type PrechatField = (typeof PRECHAT_FIELDS)[number];
export type PrechatMode = "off" | "optional" | "required";

export const ZPrechatForm = z.object({
  enabled: z.boolean().default(false),
  name: z.enum(["off", "optional", "required"]).default("required"),
  email: z.enum(["off", "optional", "required"]).default("required"),
  topic: z.enum(["off", "optional", "required"]).default("optional"),
});
export type PrechatForm = z.infer<typeof ZPrechatForm>;

export const PRECHAT_LIMITS = { name: 100, email: 200, topic: 300 } as const;

/** The words of the form's error messages (the widget passes its language's; the server English). */
export interface PrechatMessages {
  nameRequired: string;
  nameTooLong: (max: number) => string;
  emailRequired: string;
  emailInvalid: string;
  emailTooLong: (max: number) => string;
  topicRequired: string;
  topicTooLong: (max: number) => string;
}

export const PRECHAT_MESSAGES_EN: PrechatMessages = {
  nameRequired: "Enter your name.",
  nameTooLong: (max) => `Your name is too long (at most ${max} characters).`,
  emailRequired: "Enter your e-mail address.",
  emailInvalid: "Enter a valid e-mail address, like name@example.com.",
  emailTooLong: (max) => `The e-mail address is too long (at most ${max} characters).`,
  topicRequired: "Tell us what your question is about.",
  topicTooLong: (max) => `Keep the topic under ${max} characters.`,
};

export type PrechatAnswers = { name: string | null; email: string | null; topic: string | null };

/** The fields the form shows, in order. */
export function shownFields(form: Pick<PrechatForm, PrechatField>): PrechatField[] {
  return PRECHAT_FIELDS.filter((f) => form[f] !== "off");
}

/**
 * The answers' schema for this form: required fields must be filled, an e-mail must look like one,
 * hidden fields are dropped; empty optional ones become null.
 */
export function prechatAnswersSchema(form: Pick<PrechatForm, PrechatField>, m: PrechatMessages = PRECHAT_MESSAGES_EN) {
  const field = (f: PrechatField, required: string, tooLong: (max: number) => string, check?: (s: z.ZodString) => z.ZodString) => {
    const mode = form[f];
    const max = PRECHAT_LIMITS[f];
    if (mode === "off") return z.unknown().optional().transform(() => null);
    let s = z.string({ message: required }).trim().max(max, tooLong(max));
    if (mode === "required") s = s.min(1, required);
    const filled = check ? check(s) : s;
    return z
      .union([z.literal("").transform(() => null), filled], { message: required })
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => mode !== "required" || v !== null, required);
  };
  return z.object({
    name: field("name", m.nameRequired, m.nameTooLong),
    email: field("email", m.emailRequired, m.emailTooLong, (s) => s.email(m.emailInvalid)),
    topic: field("topic", m.topicRequired, m.topicTooLong),
  });
}

/** Each field's first problem, for showing beside it; empty when the answers are fine. */
export function prechatErrors(form: Pick<PrechatForm, PrechatField>, answers: Record<string, string>, m?: PrechatMessages): Partial<Record<PrechatField, string>> {
  const r = prechatAnswersSchema(form, m).safeParse(answers);
  if (r.success) return {};
  const out: Partial<Record<PrechatField, string>> = {};
  for (const issue of r.error.issues) {
    const f = issue.path[0] as PrechatField;
    if (!out[f]) out[f] = issue.message;
  }
  return out;
}
