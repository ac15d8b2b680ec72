"use client";
// A model version's evaluation report: one headline (what share of customers' questions the bot
// can be expected to answer right on its own, how many of its answers are wrong, measured how) with
// the check on the tenant's own FAQ next to it, the warnings to act on, the entries most often
// mixed up (within a language), and — folded under "Details" — every secondary figure with a
// one-line explanation (the classifier's internal figures and its threshold curve). The words come
// from report-figures.ts.
import type { EvaluationReport } from "@/lib/training/types";
import { Notice } from "../ui";
import { ThresholdChart } from "./threshold-chart";
import { CONFUSION_INTRO, confusionLine, entryNamer, reportFigures, type DetailSection, type Figure } from "./report-figures";

function BigFigure({ figure, small = false }: { figure: Figure; small?: boolean }) {
  return (
    <div data-testid={figure.id}>
      <div className={small ? "text-xl font-semibold" : "text-3xl font-semibold"} data-testid={`${figure.id}-value`}>
        {figure.value}
      </div>
      <p className="text-sm">{figure.label}</p>
      {figure.explain && <p className="text-xs text-slate-600">{figure.explain}</p>}
    </div>
  );
}

function FigureRow({ figure }: { figure: Figure }) {
  return (
    <li className="grid grid-cols-[6rem_1fr] gap-x-3 py-1.5" data-testid={figure.id}>
      <span className="text-right font-semibold tabular-nums" data-testid={`${figure.id}-value`}>
        {figure.value}
      </span>
      <span>
        <span className="font-medium" data-testid={`${figure.id}-label`}>
          {figure.label}
        </span>
        <span className="block text-xs text-slate-500">{figure.explain}</span>
      </span>
    </li>
  );
}

function Section({ section, children }: { section: DetailSection; children?: React.ReactNode }) {
  return (
    <section className="space-y-1" data-testid={section.id}>
      <h4 className="font-semibold">{section.title}</h4>
      <p className="text-slate-600">{section.intro}</p>
      {section.figures.length > 0 && <ul className="divide-y divide-slate-100">{section.figures.map((f) => <FigureRow key={f.id} figure={f} />)}</ul>}
      {section.lines.length > 0 && (
        <ul className="list-disc pl-5 text-slate-600">
          {section.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

export function EvaluationReportView({
  report,
  threshold,
  target,
  questions,
  languages = {},
}: {
  report: EvaluationReport;
  threshold: number | null;
  target: number | null;
  questions: Record<string, string>;
  /** Entry key → language code; entries are named with their language when the FAQ has several. */
  languages?: Record<string, string>;
}) {
  const { question, name } = entryNamer(questions, languages);
  const { headline, warnings, confusions, details } = reportFigures(report, target, languages);
  return (
    <div className="space-y-4" data-testid="evaluation-report">
      <section className="rounded-md border border-blue-200 bg-blue-50 p-4" data-testid="report-headline" data-basis={headline.basis}>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <div>
            <h3 className="font-semibold" data-testid="headline-title">
              {headline.title}
            </h3>
            <p className="text-xs text-slate-600" data-testid="headline-subtitle">
              {headline.subtitle}
            </p>
            <div className="mt-2 grid grid-cols-1 gap-4 sm:grid-cols-2">
              <BigFigure figure={headline.answered} />
              <BigFigure figure={headline.wrong} />
            </div>
          </div>
          {headline.own && (
            <div className="rounded-md border border-slate-200 bg-white p-3" data-testid="headline-own">
              <h4 className="text-sm font-semibold">{headline.own.title}</h4>
              <div className="mt-1 space-y-2">
                <BigFigure figure={headline.own.answered} small />
                <BigFigure figure={headline.own.wrong} small />
              </div>
              <p className="mt-2 text-xs text-slate-600">{headline.own.explain}</p>
            </div>
          )}
        </div>
        <p className="mt-2 text-sm">{headline.rest}</p>
        <p className="mt-2 text-xs text-slate-600" data-testid="headline-measured">
          <span className="font-medium">How this was measured:</span> {headline.measured}
        </p>
      </section>

      {warnings.map((w) => (
        <Notice key={w.id} kind="warning" testId={w.id}>
          {w.text}
        </Notice>
      ))}

      <div>
        <h3 className="mb-1 text-sm font-semibold">Entries most often mixed up</h3>
        {confusions.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-confusions">
            No phrasing was matched to another entry of its language in the held-out checks.
          </p>
        ) : (
          <>
            <p className="mb-2 text-xs text-slate-500" data-testid="confused-intro">
              {CONFUSION_INTRO}
            </p>
            <ul className="space-y-2 text-sm" data-testid="confused-pairs">
              {confusions.slice(0, 8).map((p) => (
                <li key={`${p.a}|${p.b}`} className="rounded-md border border-slate-200 p-2">
                  <p>
                    <span className="font-medium">{name(p.a)}</span> ↔ <span className="font-medium">{name(p.b)}</span> <span className="text-slate-500">({p.count}× in the held-out checks)</span>
                  </p>
                  <ul className="mt-1 list-disc pl-5 text-slate-600">
                    {p.examples.slice(0, 3).map((ex, i) => (
                      <li key={i} data-testid="confused-example">
                        {confusionLine(ex, question, name)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <p className="mt-1 text-xs text-slate-500">Add phrasings that tell the two entries apart, or merge entries that mean the same.</p>
          </>
        )}
      </div>

      <details className="rounded-md border border-slate-200 p-3 text-sm" data-testid="report-details">
        <summary className="cursor-pointer font-semibold">Details: how these figures were measured, and the internal figures</summary>
        <div className="mt-3 space-y-5">
          {details.map((s) => (
            <Section key={s.id} section={s}>
              {s.id === "details-classifier" && (
                <div className="pt-2">
                  <h5 className="mb-2 font-medium">The classifier: answered vs. wrong as its threshold moves</h5>
                  <ThresholdChart curve={report.curve} threshold={threshold} />
                </div>
              )}
            </Section>
          ))}
        </div>
      </details>
    </div>
  );
}
