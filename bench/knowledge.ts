// Knowledge-document retrieval benchmark on our own help-centre articles and questions
// (evals/knowledge/<business>/: articles/ in Markdown, HTML and plain text, questions.json in
// English and Spanish, with questions the articles do NOT answer). Same code path as an upload and
// a customer's question: readDocumentFile → passages → KnowledgeIndex → answerFromDocuments.
// Printed per business and in total, without and with the test encoder (lib/models/testing):
//   hit@1, hit@3        the right passage (right document, holding the expected fact) ranked first / in the top 3
//   answeredRight       answerable questions the bot answers from the right document
//   answeredWrong       answerable questions answered from another document
//   declinedUnanswerable questions the documents do not answer that the bot declines (it must)
//   rightOverall        every question: answered from the right document, or declined when none answers it
// Last line: JSON. `--quick`: the same (it takes seconds); `--verbose`: every question;
// `--sweep`: the operating curve of the relevance threshold; `--threshold X`: run at X.
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readDocumentFile } from "@/lib/knowledge/read-document";
import { KnowledgeIndex, type IndexedPassage } from "@/lib/knowledge/retrieve";
import { answerFromDocuments, ANSWER_MIN_RELEVANCE } from "@/lib/knowledge/answer";
import { passageEmbeddingText } from "@/lib/knowledge/embeddings";
import { makeTestModels } from "@/lib/models/testing/make-test-models";
import { ModelRuntime } from "@/lib/models/runtime";

const root = fileURLToPath(new URL("../evals/knowledge/", import.meta.url));
const verbose = process.argv.includes("--verbose");
const thresholdArg = process.argv.indexOf("--threshold");
const threshold = thresholdArg > 0 ? Number(process.argv[thresholdArg + 1]) : ANSWER_MIN_RELEVANCE;

interface Question {
  q: string;
  doc: string | null;
  fact?: string;
}

interface Business {
  name: string;
  language: string;
  passages: IndexedPassage[];
  questions: Question[];
}

async function loadBusiness(name: string): Promise<Business> {
  const dir = path.join(root, name);
  const { language, questions } = JSON.parse(readFileSync(path.join(dir, "questions.json"), "utf8")) as { language: string; questions: Question[] };
  const passages: IndexedPassage[] = [];
  for (const file of readdirSync(path.join(dir, "articles")).sort()) {
    const read = await readDocumentFile({ fileName: file, bytes: readFileSync(path.join(dir, "articles", file)) }, { maxBytes: 5 * 1024 * 1024, defaultLanguage: language });
    if (!read.ok) throw new Error(`${name}/${file}: ${read.message}`);
    const d = read.document;
    for (const p of d.passages) passages.push({ id: `${file}#${p.position}`, documentId: file, title: d.title, url: null, heading: p.heading, text: p.text, language: d.language, position: p.position });
  }
  return { name, language, passages, questions };
}

interface Tally {
  answerable: number;
  hit1: number;
  hit3: number;
  answeredRight: number;
  answeredWrong: number;
  unanswerable: number;
  declined: number;
}

const empty = (): Tally => ({ answerable: 0, hit1: 0, hit3: 0, answeredRight: 0, answeredWrong: 0, unanswerable: 0, declined: 0 });

function add(a: Tally, b: Tally): Tally {
  return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof Tally] + b[k as keyof Tally]])) as unknown as Tally;
}

async function measure(b: Business, embed: ((texts: string[]) => Promise<Float32Array[]>) | null, minRelevance = threshold): Promise<Tally> {
  const passages = embed ? await withVectors(b.passages, embed) : b.passages;
  const index = new KnowledgeIndex(passages);
  const t = empty();
  for (const q of b.questions) {
    const queryVector = embed ? (await embed([q.q]))[0] : null;
    const hits = index.search(q.q, { language: b.language, queryVector, limit: 3 });
    const answer = answerFromDocuments(index, q.q, { language: b.language, queryVector, minRelevance });
    const right = (p: IndexedPassage) => p.documentId === q.doc && (!q.fact || p.text.includes(q.fact) || (p.heading ?? "").includes(q.fact));
    if (q.doc) {
      t.answerable++;
      if (hits[0] && right(hits[0].passage)) t.hit1++;
      if (hits.some((h) => right(h.passage))) t.hit3++;
      if (answer?.best.passage.documentId === q.doc) t.answeredRight++;
      else if (answer) t.answeredWrong++;
    } else {
      t.unanswerable++;
      if (!answer) t.declined++;
    }
    if (verbose && minRelevance === threshold) {
      const mark = q.doc ? (answer?.best.passage.documentId === q.doc ? "ok  " : answer ? "WRNG" : "miss") : answer ? "FALSE" : "ok  ";
      console.log(`  ${mark} ${q.q} → ${answer ? `${answer.best.passage.documentId} (${answer.best.relevance.toFixed(2)} ev ${answer.best.evidence.toFixed(2)}): ${answer.quote.replace(/\n/g, " / ").slice(0, 90)}` : `none (best ${hits[0]?.passage.documentId ?? "-"} ${hits[0]?.relevance.toFixed(2) ?? ""}; unmatched: ${index.queryTerms(q.q, b.language).terms.filter((t) => !hits[0]?.matched.includes(t)).join(" ")})`}`);
    }
  }
  return t;
}

async function withVectors(passages: IndexedPassage[], embed: (texts: string[]) => Promise<Float32Array[]>): Promise<IndexedPassage[]> {
  const vectors = await embed(passages.map(passageEmbeddingText));
  return passages.map((p, i) => ({ ...p, embedding: vectors[i] }));
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

function figures(t: Tally) {
  return {
    questions: t.answerable + t.unanswerable,
    answerable: t.answerable,
    hitAt1: pct(t.hit1, t.answerable),
    hitAt3: pct(t.hit3, t.answerable),
    answeredRight: pct(t.answeredRight, t.answerable),
    answeredWrong: pct(t.answeredWrong, t.answerable),
    unanswerable: t.unanswerable,
    declinedUnanswerable: pct(t.declined, t.unanswerable),
    /** Every question: answered from the right document, or declined when no document answers it. */
    rightOverall: pct(t.answeredRight + t.declined, t.answerable + t.unanswerable),
  };
}

const businesses = await Promise.all(readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => loadBusiness(d.name)));
const dir = await mkdtemp(path.join(os.tmpdir(), "bench-knowledge-"));
const models = await makeTestModels(dir);
const runtime = new ModelRuntime({ chatModel: "", embeddingModel: models.embed, modelsDir: dir, allowRemoteModels: false, dtype: "fp32", threads: 1, concurrency: 1, queueLimit: 10, maxNewTokens: 16, timeBudgetMs: 10_000, useWorker: false });
await runtime.ensureLoaded();
if (!runtime.embeddingAvailable()) throw new Error(`the test encoder did not load: ${runtime.status().find((s) => s.role === "embedding")?.error}`);

if (process.argv.includes("--sweep")) {
  // Calibration: the operating curve of the relevance threshold, lexical only.
  for (const th of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
    let total = empty();
    for (const b of businesses) total = add(total, await measure(b, null, th));
    const f = figures(total);
    console.log(`threshold ${th.toFixed(2)}: answered from the right document ${f.answeredRight}%  wrong document ${f.answeredWrong}%  unanswerable declined ${f.declinedUnanswerable}%`);
  }
}

const result: Record<string, unknown> = { threshold };
for (const [label, embed] of [["lexical", null], ["withTestEncoder", (t: string[]) => runtime.embed(t)]] as const) {
  let total = empty();
  console.log(`\n${label === "lexical" ? "Lexical (BM25) only" : "BM25 + test encoder (tiny-embed, random weights)"}, relevance threshold ${threshold}`);
  const per: Record<string, unknown> = {};
  for (const b of businesses) {
    if (verbose) console.log(` ${b.name} (${b.language})`);
    const t = await measure(b, embed);
    total = add(total, t);
    const f = figures(t);
    per[b.name] = f;
    console.log(`  ${b.name.padEnd(11)} ${b.language}  ${b.passages.length} passages  hit@1 ${f.hitAt1}%  hit@3 ${f.hitAt3}%  answered from the right document ${f.answeredRight}%  wrong document ${f.answeredWrong}%  unanswerable declined ${f.declinedUnanswerable}% (${t.unanswerable})`);
  }
  const f = figures(total);
  console.log(`  ${"all".padEnd(11)}     ${f.questions} questions  hit@1 ${f.hitAt1}%  hit@3 ${f.hitAt3}%  answered from the right document ${f.answeredRight}%  wrong document ${f.answeredWrong}%  unanswerable declined ${f.declinedUnanswerable}%  all questions handled right ${f.rightOverall}%`);
  result[label] = { ...f, businesses: per };
}
await runtime.dispose();
await rm(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
