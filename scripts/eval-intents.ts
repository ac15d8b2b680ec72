// Single customer messages that are not FAQ questions — small talk, requests for a person,
// off-topic requests — and hard negatives (real questions that contain "hi", "thanks", "agent",
// "person"…), played one by one through the bot's real decision path (lib/dialogue/decideTurn
// with a trained tenant model) against one or more FAQs. Complements eval:dialogue, whose
// conversations hold few such turns each.
//
//   npm run eval:intents                                   # evals/intents/*.json × the bank and clinic FAQs
//   npm run eval:intents -- --file my/probe.json --faq my/faq.csv [--verbose]
//
// A probe file is { "items": [{ "text", "language": "en"|"es", "label" }] } with label one of
// greeting thanks goodbye bot capabilities ack insult howareyou (small talk), human, offtopic,
// question. The LAST line printed is JSON with percentages:
//   smalltalk   small-talk messages answered as small talk and not queued
//   intent      of those, the reply's intent is the labelled one (ack/negative and thanks/goodbye pairs aside)
//   human       requests for a person that queue the customer
//   offtopic    off-topic messages neither answered with an FAQ entry nor queued
//   questionsKept  real questions neither taken for small talk nor for a request for a person
import { readFile } from "node:fs/promises";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseFaqFile } from "@/lib/faq/import";
import { loadTenantModel, trainTenantModel } from "@/lib/training";
import { decideTurn } from "@/lib/dialogue/decide-turn";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import { handoffFor } from "@/lib/dialogue/policy";

const SMALL = ["greeting", "thanks", "goodbye", "bot", "capabilities", "ack", "insult", "howareyou"] as const;
const ZFile = z.object({
  items: z.array(z.object({ text: z.string().min(1), language: z.enum(["en", "es"]), label: z.enum([...SMALL, "human", "offtopic", "question"]) })).min(1),
});
// Replies that serve either label equally well.
const SAME: Record<string, string[]> = { ack: ["negative", "laugh", "other"], thanks: ["goodbye", "ack"], goodbye: ["thanks"], greeting: ["howareyou"], howareyou: ["greeting"] };

async function main() {
  const { values } = parseArgs({ options: { file: { type: "string", multiple: true }, faq: { type: "string", multiple: true }, verbose: { type: "boolean", default: false } } });
  const root = path.resolve("evals/intents");
  const files = values.file?.length ? values.file : existsSync(root) ? readdirSync(root).filter((f) => f.endsWith(".json")).map((f) => path.join(root, f)) : [];
  const faqs = values.faq?.length ? values.faq : ["evals/dialogue/bank/faq.csv", "evals/dialogue/clinic/faq.csv"];
  if (files.length === 0) throw new Error("no probe files (evals/intents/*.json or --file)");
  const items = (await Promise.all(files.map(async (f) => ZFile.parse(JSON.parse(await readFile(f, "utf8"))).items))).flat();
  const n = { small: 0, smallOk: 0, intentOk: 0, human: 0, humanOk: 0, off: 0, offOk: 0, q: 0, qOk: 0 };
  const byLabel = new Map<string, { n: number; ok: number }>();
  for (const faqPath of faqs) {
    const parsed = parseFaqFile({ fileName: faqPath, bytes: await readFile(faqPath) });
    if (!parsed.ok) throw new Error(`${faqPath}: ${parsed.errors.map((e) => e.message).join("; ")}`);
    const entries = parsed.entries;
    const examples = entries.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key })));
    const trained = await trainTenantModel(examples, { seed: 0, answers: Object.fromEntries(entries.map((e) => [e.key, e.answer])), languages: Object.fromEntries(entries.map((e) => [e.key, e.language])) });
    const model = await loadTenantModel(trained.files, { entries: entries.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) });
    const knowledge = buildKnowledge(model, entries);
    for (const it of items) {
      const d = await decideTurn({ text: it.text, history: [], conversationLanguage: it.language, defaultLanguage: entries[0]?.language ?? "en" }, knowledge);
      const queued = handoffFor(d, 0) !== null;
      let ok: boolean;
      if ((SMALL as readonly string[]).includes(it.label)) {
        n.small++;
        ok = d.kind === "smalltalk" && !queued;
        if (ok) n.smallOk++;
        if (ok && d.kind === "smalltalk" && (d.intent === it.label || SAME[it.label]?.includes(d.intent))) n.intentOk++;
      } else if (it.label === "human") {
        n.human++;
        ok = d.kind === "human" && queued;
        if (ok) n.humanOk++;
      } else if (it.label === "offtopic") {
        n.off++;
        ok = d.kind !== "answer" && !queued && d.kind !== "human";
        if (ok) n.offOk++;
      } else {
        n.q++;
        ok = d.kind !== "smalltalk" && d.kind !== "human";
        if (ok) n.qOk++;
      }
      const b = byLabel.get(it.label) ?? { n: 0, ok: 0 };
      b.n++;
      if (ok) b.ok++;
      byLabel.set(it.label, b);
      if (values.verbose && !ok) console.log(`  ✗ [${it.label} ${it.language}] "${it.text}" → ${d.kind}${d.kind === "smalltalk" ? ` ${d.intent}` : d.kind === "answer" ? ` ${d.key}` : ""}`);
    }
    await model.dispose();
  }
  const pct = (a: number, b: number) => (b === 0 ? null : Math.round((1000 * a) / b) / 10);
  for (const [label, b] of [...byLabel].sort()) console.log(`${label.padEnd(13)} ${String(pct(b.ok, b.n)).padStart(5)} %  (${b.ok}/${b.n})`);
  console.log(JSON.stringify({ smalltalk: pct(n.smallOk, n.small), intent: pct(n.intentOk, n.smallOk), human: pct(n.humanOk, n.human), offtopic: pct(n.offOk, n.off), questionsKept: pct(n.qOk, n.q), items: items.length, faqs: faqs.length }));
}

main().catch((err) => {
  console.error(`eval:intents failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
