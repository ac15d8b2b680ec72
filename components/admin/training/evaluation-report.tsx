"use client";
// A model version's evaluation report in plain words: accuracy, how much it answers, how often an
// answer is wrong (also on unrelated questions), calibration, the entries it confuses and the
// threshold curve. Figures come from cross-validation on the FAQ's own phrasings.
import type { EvaluationReport } from "@/lib/training/types";
import { pct } from "../api";
import { Notice } from "../ui";
import { ThresholdChart } from "./threshold-chart";

function Metric({ label, value, help, testId }: { label: string; value: string; help: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={testId}>
      <div className="text-xs uppercase text-slate-500">{label}</div>
      <div className="text-2xl font-semibold" data-testid={`${testId}-value`}>
        {value}
      </div>
      <p className="mt-1 text-xs text-slate-500">{help}</p>
    </div>
  );
}

export function EvaluationReportView({ report, threshold, target, questions }: { report: EvaluationReport; threshold: number | null; target: number | null; questions: Record<string, string> }) {
  const label = (key: string) => questions[key] ?? key;
  return (
    <div className="space-y-4" data-testid="evaluation-report">
      {report.rough && (
        <Notice kind="warning" testId="rough-warning">
          Rough estimate: the FAQ has few phrasings per question, so these figures rest on little data and may be far off. Add alternative phrasings to your entries for firmer figures.
        </Notice>
      )}
      {report.conversation && <ConversationEstimate c={report.conversation} />}
      {report.conversation && (
        <h3 className="text-sm font-semibold" data-testid="classifier-heading">
          The n-gram classifier on its own <span className="font-normal text-slate-500">(one of the views; the figures above are what the bot does with all of them)</span>
        </h3>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Metric testId="metric-accuracy" label="Accuracy" value={pct(report.inScopeAccuracy)} help="Share of reworded FAQ questions whose best match is the right entry (before deciding whether to answer)." />
        <Metric
          testId="metric-answered"
          label={report.conversation ? "Answered on the classifier's own thresholds" : "Questions answered"}
          value={pct(report.answeredShare)}
          help="Share of covered questions the bot answers directly; the rest get “did you mean…” or go to a person."
        />
        <Metric
          testId="metric-wrong"
          label="Estimated wrong answers"
          value={pct(report.answeredWrongRate)}
          help={`Of the answers given, the share estimated to be wrong${target !== null ? ` (your target: at most ${pct(target)})` : ""}.`}
        />
        <Metric testId="metric-unrelated" label="Answers to unrelated questions" value={pct(report.unrelatedAnsweredRate)} help="Share of questions your FAQ does not cover that would still wrongly get an answer." />
        <Metric testId="metric-calibration" label="Calibration error" value={pct(report.calibrationError)} help="How far the shown confidence is from the real hit rate on average; lower is better." />
        <Metric testId="metric-data" label="Data" value={`${report.entries} entries`} help={`${report.n} phrasings, ${report.folds}-fold cross-validation, ${report.inScopeScored} held-out checks.`} />
      </div>
      {report.notes.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-slate-600">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-2 text-sm font-semibold">Answered vs. wrong as the threshold moves</h3>
        <ThresholdChart curve={report.curve} threshold={threshold} />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold">Most confused entries</h3>
        {report.confusedPairs.length === 0 ? (
          <p className="text-sm text-slate-500">No entry was mistaken for another in the held-out checks.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="confused-pairs">
            {report.confusedPairs.slice(0, 8).map((p) => (
              <li key={`${p.a}|${p.b}`} className="rounded-md border border-slate-200 p-2">
                <p>
                  <span className="font-medium">{label(p.a)}</span> ↔ <span className="font-medium">{label(p.b)}</span> <span className="text-slate-500">({p.count}×)</span>
                </p>
                <ul className="mt-1 list-disc pl-5 text-slate-600">
                  {p.examples.slice(0, 3).map((ex, i) => (
                    <li key={i}>
                      “{ex.text}” — meant {label(ex.label)}, matched {label(ex.predicted)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {report.confusedPairs.length > 0 && <p className="mt-1 text-xs text-slate-500">Merge entries that mean the same, or add distinguishing phrasings to each.</p>}
      </div>
    </div>
  );
}

/** What share of customers' questions the bot will settle on its own, under the live answer policy. */
function ConversationEstimate({ c }: { c: NonNullable<EvaluationReport["conversation"]> }) {
  const own = c.ownPhrasings;
  return (
    <section className="rounded-md border border-blue-200 bg-blue-50 p-3 text-sm" data-testid="conversation-estimate">
      <h3 className="font-semibold">What customers will get</h3>
      <p className="mt-1">
        <span className="font-medium">Typical for an FAQ of this kind</span> (the same for every workspace: measured on real-style customer conversations with nine
        test businesses the bot had not seen): about <strong data-testid="expected-direct">{pct(c.expected.directAnswer)}</strong> of the questions an FAQ covers are
        answered directly, with about {pct(c.expected.wrongAmongAnswers)} of answers wrong; the rest get “did you mean…” choices or the offer of a person.
      </p>
      <p className="mt-1">
        <span className="font-medium">Stress test on your own FAQ</span> — each of your phrasings held out in turn ({own.n}): <strong data-testid="own-direct">{pct(own.directAnswer)}</strong> answered directly,{" "}
        {pct(own.withSuggestions)} answered or offered among the choices, {pct(own.wrongAmongAnswers)} of answers wrong; questions your FAQ does not cover got an answer{" "}
        {pct(own.uncoveredAnswered)} of the time. This is a hard test for a small FAQ — each question loses one of its few phrasings — and short keyword phrasings
        (“delivery fee”) are easily mistaken for a neighbouring entry: if wrong answers are high here, add a phrasing or two to the entries listed under “Most confused entries”.
      </p>
      <p className="mt-1 text-slate-600">
        Greetings, thanks and other small talk get a short reply and are never sent to your team; off-topic questions are declined politely with the offer of a person.
        Your wrong-answer target sets how sure the bot must be (answer when P(right) ≥ {c.threshold.toFixed(2)}).
      </p>
    </section>
  );
}
