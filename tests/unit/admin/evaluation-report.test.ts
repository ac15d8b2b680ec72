// The evaluation report on /admin/training, as an admin reads it: one headline (answered right on
// its own, wrong among answers, how it was measured), the secondary figures folded under
// "Details" with an explanation each, and confused phrasings worded as held-out tests.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EvaluationReport } from "@/lib/training/types";
import { confusionLine, reportFigures } from "@/components/admin/training/report-figures";
import { EvaluationReportView } from "@/components/admin/training/evaluation-report";

// The figures of the report the new user read (expected 33.1 %, own check 55.9 % / 5.7 %,
// classifier on its own thresholds 8.5 % / 2.8 %).
function report(overrides: Partial<EvaluationReport> = {}): EvaluationReport {
  return {
    n: 57,
    entries: 19,
    folds: 5,
    inScopeAccuracy: 0.702,
    top3Accuracy: 0.9,
    answeredShare: 0.085,
    answeredWrongRate: 0.028,
    suggestedShare: 0.4,
    unrelatedAnsweredRate: 0.01,
    calibrationError: 0.06,
    inScopeScored: 57,
    unrelatedScored: 40,
    confusedPairs: [
      {
        a: "shipping-cost",
        b: "shipping-time",
        count: 2,
        examples: [
          { text: "How long does shipping take?", label: "shipping-time", predicted: "shipping-cost" },
          { text: "delivery fee", label: "shipping-cost", predicted: "shipping-time" },
        ],
      },
    ],
    curve: [
      { threshold: 0.9, answeredShare: 0.085, wrongRate: 0.028, unrelatedAnswered: 0 },
      { threshold: 0.5, answeredShare: 0.4, wrongRate: 0.1, unrelatedAnswered: 0.05 },
    ],
    rough: false,
    notes: [],
    timings: {},
    conversation: {
      threshold: 0.925,
      ownPhrasings: { n: 34, directAnswer: 0.559, withSuggestions: 0.85, wrongAmongAnswers: 0.057, uncoveredAnswered: 0.03 },
      expected: { directAnswer: 0.331, wrongAmongAnswers: 0.0168, basis: "707 bot decisions in the development dialogues of academy, bank; curve measured leave-one-business-out" },
    },
    ...overrides,
  };
}

const questions = { "shipping-time": "How long does shipping take?", "shipping-cost": "How much does shipping cost?" };

function render(r: EvaluationReport, target: number | null = 0.05) {
  const html = renderToStaticMarkup(createElement(EvaluationReportView, { report: r, threshold: 0.9, target, questions }));
  const [main, details = ""] = html.split('data-testid="report-details"');
  return { html, main, details };
}

const percents = (html: string) => html.match(/\d+(\.\d+)?%/g) ?? [];

describe("evaluation report headline", () => {
  it("leads with one answered figure and one wrong-answer figure, from the whole bot on conversations", () => {
    const { headline } = reportFigures(report(), 0.05);
    expect(headline.basis).toBe("conversations");
    expect(headline.answered.value).toBe("33.1%");
    expect(headline.answered.label).toMatch(/questions that your FAQ covers are answered right by the bot on its own/);
    expect(headline.wrong.value).toBe("1.7%");
    expect(headline.wrong.label).toMatch(/of the bot's answers are wrong/);
    expect(headline.measured).toMatch(/written customer conversations/);
    expect(headline.measured).toMatch(/at least 92\.5%/);
    expect(headline.measured).toMatch(/at most 5\.0%/);
  });

  it("leads with the held-out figures when they were measured at this threshold, the flattering development ones under Details", () => {
    const base = report();
    const r = report({
      conversation: {
        ...base.conversation!,
        expected: { directAnswer: 0.333, wrongAmongAnswers: 0.057, basis: "held-out conversations written after the bot was tuned", heldOut: true, development: base.conversation!.expected },
      },
    });
    const { headline } = reportFigures(r, 0.05);
    expect([headline.answered.value, headline.wrong.value]).toEqual(["33.3%", "5.7%"]);
    // Above the target: said next to the figure, with what the admin can do about it.
    expect(headline.wrong.explain).toMatch(/at most 5\.0%\. On these conversations the bot came out above it.*stricter target/);
    expect(reportFigures(r, 0.1).headline.wrong.explain).toBe("Your target: at most 10.0%.");
    expect(headline.measured).toMatch(/kept apart while the bot was built/);
    const { main, details } = render(r);
    expect(main).not.toContain("1.7%");
    expect(details).toContain("held-out conversations written after the bot was tuned");
    expect(details).toMatch(/answered 33\.1% right with 1\.7% of answers wrong/);
  });

  it("keeps every other figure out of sight until Details is opened, each explained there", () => {
    const { main, details } = render(report());
    // Outside Details only the headline's two figures (and the target they are read against).
    expect(new Set(percents(main))).toEqual(new Set(["33.1%", "1.7%", "5.0%", "92.5%"]));
    expect(main).toMatch(/data-testid="headline-answered-value"[^>]*>33\.1%/);
    expect(main).not.toContain("55.9%");
    expect(main).not.toContain("8.5%");
    // In Details: the own-FAQ check and the classifier's internal figures, each with a label that
    // says what it measures.
    expect(details).toMatch(/<summary[^>]*>Details: how these figures were measured/);
    for (const [id, value] of [
      ["own-direct", "55.9%"],
      ["own-wrong", "5.7%"],
      ["metric-answered", "8.5%"],
      ["metric-wrong", "2.8%"],
      ["metric-accuracy", "70.2%"],
    ]) {
      expect(details).toMatch(new RegExp(`data-testid="${id}-value"[^>]*>${value.replace(".", "\\.")}<`));
    }
    expect(details).toMatch(/data-testid="metric-answered-label"[^>]*>Answered on the classifier&#x27;s own thresholds</);
    expect(details).toContain("These figures differ from the headline because");
    expect(details).toContain("not what customers get");
  });

  it("never gives two figures on the page the same label", () => {
    const { details, headline } = reportFigures(report(), 0.05);
    const labels = [headline.answered.label, headline.wrong.label, ...details.flatMap((s) => s.figures.map((f) => f.label))];
    expect(new Set(labels).size).toBe(labels.length);
    for (const f of details.flatMap((s) => s.figures)) expect(f.explain.length, f.id).toBeGreaterThan(20);
  });

  it("warns, naming the check but not repeating its figure, when the own-FAQ check's wrong answers exceed the target", () => {
    expect(reportFigures(report(), 0.05).warnings.map((w) => w.id)).toEqual(["own-wrong-warning"]);
    expect(reportFigures(report(), 0.05).warnings[0]!.text).toMatch(/check on your own FAQ \(under “Details”\) found more wrong answers than your target allows/);
    expect(reportFigures(report(), 0.1).warnings).toEqual([]);
  });

  it("falls back to the classifier's figures, saying so, when the report has no whole-bot check", () => {
    const r = report({ conversation: undefined, rough: true });
    const { headline, details, warnings } = reportFigures(r, 0.05);
    expect(headline.basis).toBe("classifier");
    expect([headline.answered.value, headline.wrong.value]).toEqual(["8.5%", "2.8%"]);
    expect(headline.measured).toMatch(/5-fold cross-validation.*n-gram classifier.*only run for FAQs of up to 400 phrasings/);
    // The same two figures are not repeated under Details.
    expect(details.flatMap((s) => s.figures.map((f) => f.id))).not.toContain("metric-answered");
    expect(warnings.map((w) => w.id)).toEqual(["rough-warning"]);
    const { main } = render(r);
    expect(main).toContain('data-basis="classifier"');
  });
});

describe("most confused entries", () => {
  const q = (k: string) => questions[k as keyof typeof questions] ?? k;

  it("says an entry's own question was held out from training, not answered wrongly by the bot", () => {
    expect(confusionLine({ text: "How long does shipping take?", label: "shipping-time", predicted: "shipping-cost" }, q)).toBe(
      "“How long does shipping take?” (the entry's own question), held out from training, was matched to “How much does shipping cost?”",
    );
    expect(confusionLine({ text: "delivery fee", label: "shipping-cost", predicted: "shipping-time" }, q)).toBe(
      "“delivery fee” (a phrasing of “How much does shipping cost?”), held out from training, was matched to “How long does shipping take?”",
    );
  });

  it("explains cross-validation above the list", () => {
    const { main } = render(report());
    expect(main).toMatch(/data-testid="confused-intro"[^>]*>Found by cross-validation: each of your phrasings was hidden from training/);
    expect(main).not.toMatch(/meant .*, matched/);
  });
});
