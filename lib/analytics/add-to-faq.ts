// Owns "Add to FAQ" from an unanswered question: the latest FAQ version plus one new entry becomes
// the next version (the model learns it at the next training). The new question and its
// alternatives must not repeat any question already in the FAQ, as an upload would require.
import { z } from "zod";
import { tenantDb } from "@/lib/tenancy/guard";
import { AppError } from "@/lib/errors/app-error";
import { createFaqVersion, faqEntries, type FaqActor } from "@/lib/faq/versions";
import { assignKeys, normalizeQuestion } from "@/lib/faq/keys";
import { resolveLanguageCode } from "@/lib/faq/language";
import { DEFAULT_FAQ_LIMITS } from "@/lib/faq/import";

export const ZAddToFaq = z.object({
  question: z.string().trim().min(1, "Write the question").max(DEFAULT_FAQ_LIMITS.maxQuestionChars),
  answer: z.string().trim().min(1, "Write the answer").max(DEFAULT_FAQ_LIMITS.maxAnswerChars),
  language: z.string().trim().min(2).max(10),
  alternatives: z.array(z.string().trim().max(DEFAULT_FAQ_LIMITS.maxQuestionChars)).max(DEFAULT_FAQ_LIMITS.maxAlternatives).default([]),
  category: z.string().trim().max(DEFAULT_FAQ_LIMITS.maxCategoryChars).nullish(),
});

export async function addToFaq(tenantId: string, input: z.infer<typeof ZAddToFaq>, actor: FaqActor) {
  const language = resolveLanguageCode(input.language);
  if (!language) throw new AppError("validation_failed", `"${input.language}" is not a language code. Use one like "en" or "es".`);
  const { entries } = await faqEntries(await tenantDb(tenantId));
  const taken = new Map<string, string>();
  for (const e of entries) for (const t of [e.question, ...e.alternatives]) taken.set(normalizeQuestion(t), e.question);
  const clash = taken.get(normalizeQuestion(input.question));
  if (clash) throw new AppError("conflict", `The FAQ already has this question ("${clash}"). Edit that entry instead.`);
  // Alternatives that repeat the question, each other or an existing entry are dropped, not fatal:
  // they come prefilled from the cluster's examples.
  const seen = new Set([normalizeQuestion(input.question)]);
  const alternatives = input.alternatives.filter((a) => {
    const n = normalizeQuestion(a);
    if (!n || seen.has(n) || taken.has(n)) return false;
    seen.add(n);
    return true;
  });
  const keys = assignKeys([...entries, { key: null, question: input.question }]);
  const added = { key: keys.at(-1)!, question: input.question, alternatives, answer: input.answer, category: input.category ?? null, language };
  const { version } = await createFaqVersion(tenantId, [...entries, added], { source: "edit", actor });
  return { version: { id: version.id, number: version.number, entryCount: version.entryCount }, entry: added };
}
