// Plays scripted customer conversations through the bot's real decision path — FAQ import, tenant
// model training and loading, then lib/dialogue/decideTurn and the hand-off policy for every turn
// with the conversation's history — and scores what a customer would get.
//
//   npm run eval:dialogue                         # every set under evals/dialogue, dev and held-out
//   npm run eval:dialogue -- --split heldout      # only held-out files
//   npm run eval:dialogue -- --file my/dialogues.json [--faq my/faq.csv] [--verbose]
//   npm run eval:dialogue -- --no-clicks         # customers never pick one of the bot's choices
//
// When the bot offers choices that include the right entry, the customer picks it, as in the
// widget (`suggestion:choose`: the entry's question is sent and the bot answers that entry), so
// the next turns are read after that answer. It still counts as "with suggestions", not as a
// direct answer. (Before 2026-11-30 the script did not play the pick: `--no-clicks`.)
//
// Dialogue files: see evals/dialogue/README.md. The FAQ may be any format the admin console
// accepts (CSV, JSON, Markdown). The LAST line printed is JSON with percentages:
//   directAnswer       answerable turns answered directly with the right entry / answerable turns
//   withSuggestions    answerable turns answered right, or offered the right entry / answerable turns
//   wrongAmongAnswers  FAQ answers with a wrong entry (to any turn) / FAQ answers given
//   smalltalk          small-talk turns answered as small talk (no FAQ answer, not queued) / small-talk turns
//   offtopicSafe       off-topic turns not answered with an FAQ entry / off-topic turns
//   offtopicToHandoff  off-topic turns that put the customer in the human queue / off-topic turns
//   human              requests for a person that queue the customer / requests
import { readFile } from "node:fs/promises";
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseFaqFile } from "@/lib/faq/import";
import { loadTenantModel, trainTenantModel } from "@/lib/training";
import { decideTurn, type PriorTurn, type TurnDecision } from "@/lib/dialogue/decide-turn";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import { handoffFor, isUnanswered } from "@/lib/dialogue/policy";

const ZTurn = z.object({
  text: z.string().min(1),
  expect: z.enum(["answer", "smalltalk", "offtopic", "human", "unknown"]),
  entry: z.string().optional(),
  entries: z.array(z.string()).optional(),
  followup: z.boolean().optional(),
  intent: z.string().optional(),
});
const ZFile = z.object({
  faq: z.string(),
  conversations: z.array(z.object({ id: z.string(), language: z.string().optional(), turns: z.array(ZTurn).min(1) })).min(1),
});

interface Counts {
  answerable: number;
  direct: number;
  withSugg: number;
  answers: number;
  wrong: number;
  small: number;
  smallOk: number;
  off: number;
  offSafe: number;
  offQueued: number;
  human: number;
  humanOk: number;
  unknown: number;
  unknownAnswered: number;
  followups: number;
  followupsDirect: number;
}

const zero = (): Counts => ({ answerable: 0, direct: 0, withSugg: 0, answers: 0, wrong: 0, small: 0, smallOk: 0, off: 0, offSafe: 0, offQueued: 0, human: 0, humanOk: 0, unknown: 0, unknownAnswered: 0, followups: 0, followupsDirect: 0 });
const add = (a: Counts, b: Counts) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Counts] + b[k as keyof Counts]])) as unknown as Counts;
const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

function summary(c: Counts) {
  return {
    directAnswer: pct(c.direct, c.answerable),
    withSuggestions: pct(c.withSugg, c.answerable),
    wrongAmongAnswers: pct(c.wrong, c.answers),
    smalltalk: pct(c.smallOk, c.small),
    offtopicSafe: pct(c.offSafe, c.off),
    offtopicToHandoff: pct(c.offQueued, c.off),
    human: pct(c.humanOk, c.human),
    unknownAnswered: pct(c.unknownAnswered, c.unknown),
    followupDirect: pct(c.followupsDirect, c.followups),
    turns: { answerable: c.answerable, smalltalk: c.small, offtopic: c.off, human: c.human, unknown: c.unknown, followups: c.followups },
  };
}

function describe(d: TurnDecision): string {
  switch (d.kind) {
    case "answer":
      return `answer ${d.key}${d.followup ? " (follow-up)" : ""}`;
    case "suggest":
      return `suggest [${d.keys.join(", ")}]`;
    case "smalltalk":
      return `smalltalk ${d.intent}`;
    case "offtopic":
      return `offtopic (${d.reason})`;
    default:
      return d.kind;
  }
}

const dumped: unknown[] = [];
const decideMs: number[] = [];

async function evalFile(file: string, faqOverride: string | undefined, verbose: boolean, clicks: boolean): Promise<Counts> {
  const data = ZFile.parse(JSON.parse(await readFile(file, "utf8")));
  const faqPath = faqOverride ?? path.resolve(path.dirname(file), data.faq);
  const parsed = parseFaqFile({ fileName: faqPath, bytes: await readFile(faqPath) });
  if (!parsed.ok) throw new Error(`${faqPath}: ${parsed.errors.map((e) => `${e.line ? `line ${e.line}: ` : ""}${e.message}`).join("; ")}`);
  const entries = parsed.entries;
  const keys = new Set(entries.map((e) => e.key));
  const examples = entries.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key })));
  const trained = await trainTenantModel(examples, { seed: 0, answers: Object.fromEntries(entries.map((e) => [e.key, e.answer])), languages: Object.fromEntries(entries.map((e) => [e.key, e.language])) });
  const model = await loadTenantModel(trained.files, { entries: entries.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) });
  const knowledge = buildKnowledge(model, entries);
  const total = zero();
  for (const conv of data.conversations) {
    const history: PriorTurn[] = [];
    let language: string | null = null;
    let streak = 0;
    for (const turn of conv.turns) {
      const expected = turn.entries ?? (turn.entry ? [turn.entry] : []);
      for (const k of expected) if (!keys.has(k)) throw new Error(`${file} ${conv.id}: entry "${k}" is not in the FAQ`);
      const t0 = performance.now();
      const d = await decideTurn({ text: turn.text, history, conversationLanguage: language, defaultLanguage: entries[0]?.language ?? "en" }, knowledge);
      decideMs.push(performance.now() - t0);
      const queued = handoffFor(d, streak) !== null;
      streak = isUnanswered(d) ? streak + 1 : d.kind === "answer" ? 0 : streak;
      language = d.language;
      const c = total;
      const right = d.kind === "answer" && expected.includes(d.key);
      if (d.kind === "answer") {
        c.answers++;
        if (!right) c.wrong++;
      }
      let ok = true;
      switch (turn.expect) {
        case "answer":
          c.answerable++;
          if (right) c.direct++;
          if (right || (d.kind === "suggest" && d.keys.some((k) => expected.includes(k)))) c.withSugg++;
          if (turn.followup) {
            c.followups++;
            if (right) c.followupsDirect++;
          }
          ok = right;
          break;
        case "smalltalk":
          c.small++;
          ok = d.kind === "smalltalk" && !queued;
          if (ok) c.smallOk++;
          break;
        case "offtopic":
          c.off++;
          if (d.kind !== "answer") c.offSafe++;
          if (queued) c.offQueued++;
          ok = d.kind !== "answer" && !queued;
          break;
        case "human":
          c.human++;
          ok = d.kind === "human" && queued;
          if (ok) c.humanOk++;
          break;
        case "unknown":
          c.unknown++;
          if (d.kind === "answer") c.unknownAnswered++;
          ok = d.kind !== "answer";
          break;
      }
      if ("understanding" in d && d.understanding) dumped.push({ file: path.basename(path.dirname(file)), split: path.basename(file, ".json"), conv: conv.id, text: turn.text, expect: turn.expect, expected, kind: d.kind, followup: "followup" in d ? d.followup : false, top: d.understanding.candidates[0]?.label, ok, views: d.understanding.views, detail: d.understanding.detail, evidence: d.understanding.evidence, probability: d.understanding.probability, floored: d.understanding.floored ?? false });
      if (verbose && !ok) console.log(`  ✗ ${conv.id} [${turn.expect}${turn.followup ? " follow-up" : ""}${expected.length ? ` ${expected.join("|")}` : ""}] "${turn.text}" → ${describe(d)}${"understanding" in d && d.understanding ? ` · ${d.understanding.reason}` : ""}`);
      history.push({ role: "customer", text: turn.text });
      history.push({ role: "bot", text: "", faqKey: d.kind === "answer" ? d.key : null, turnKind: d.kind, suggestions: d.kind === "suggest" ? d.keys : undefined });
      // The customer picks the right choice: its question is sent and the bot answers that entry.
      const picked = clicks && turn.expect === "answer" && d.kind === "suggest" ? d.keys.find((k) => expected.includes(k)) : undefined;
      if (picked) {
        history.push({ role: "customer", text: entries.find((e) => e.key === picked)!.question });
        history.push({ role: "bot", text: "", faqKey: picked, turnKind: "answer" });
        streak = 0;
      }
    }
  }
  await model.dispose();
  return total;
}

function findFiles(split: string): string[] {
  const root = path.resolve("evals/dialogue");
  if (!existsSync(root)) return [];
  const names = split === "all" ? ["dev.json", "dev2.json", "dev3.json", "dev4.json", "dev5.json", "dev6.json", "dev7.json", "dev8.json", "heldout.json", "final.json"] : split === "dev" ? ["dev.json", "dev2.json", "dev3.json", "dev4.json", "dev5.json", "dev6.json", "dev7.json", "dev8.json"] : split === "heldout" ? ["heldout.json", "final.json"] : [`${split}.json`];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => names.map((n) => path.join(root, d.name, n)))
    .filter((f) => existsSync(f))
    .sort();
}

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: "string", multiple: true },
      faq: { type: "string" },
      split: { type: "string", default: "all" },
      verbose: { type: "boolean", default: false },
      dump: { type: "string" },
      "no-clicks": { type: "boolean", default: false },
    },
  });
  if (!["dev", "heldout", "all"].includes(values.split!)) throw new Error("--split must be dev, heldout or all");
  const files = values.file?.length ? values.file.map((f) => path.resolve(f)) : findFiles(values.split!);
  if (files.length === 0) throw new Error("no dialogue files found (evals/dialogue/<set>/{dev,heldout}.json, or --file)");
  const bySplit = new Map<string, Counts>();
  let all = zero();
  const started = performance.now();
  for (const f of files) {
    const c = await evalFile(f, values.faq, values.verbose!, !values["no-clicks"]);
    const s = summary(c);
    console.log(`${path.relative(process.cwd(), f)}: direct ${s.directAnswer}% · with suggestions ${s.withSuggestions}% · wrong among answers ${s.wrongAmongAnswers}% · small talk ${s.smalltalk}% · off-topic safe ${s.offtopicSafe}% / queued ${s.offtopicToHandoff}% · person ${s.human}% · in-domain unknowns answered ${s.unknownAnswered}% · follow-ups direct ${s.followupDirect}%`);
    const split = path.basename(f, ".json");
    bySplit.set(split, add(bySplit.get(split) ?? zero(), c));
    all = add(all, c);
  }
  if (values.dump) (await import("node:fs")).writeFileSync(values.dump, dumped.map((d) => JSON.stringify(d)).join("\n"));
  for (const [split, c] of bySplit) console.log(`${split}: ${JSON.stringify(summary(c))}`);
  const sorted = [...decideMs].sort((a, b) => a - b);
  const q = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(3));
  const latency = { p50: q(0.5), p95: q(0.95), max: q(1) };
  console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s (training included); decision per message p50 ${latency.p50} ms, p95 ${latency.p95} ms; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  const out = { ...summary(all), msPerMessage: latency, splits: Object.fromEntries([...bySplit].map(([k, c]) => [k, summary(c)])) };
  console.log(JSON.stringify(out));
}

main().catch((err) => {
  console.error(`eval:dialogue failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
