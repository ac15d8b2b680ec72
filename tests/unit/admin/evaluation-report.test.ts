// The evaluation report on /admin/training, as an admin reads it: one headline (what to expect on
// real conversations, measured on other businesses, with the check on this FAQ's own phrasings next
// to it), the secondary figures folded under "Details" with an explanation each, no developer terms,
// and confused phrasings worded as held-out tests, only within a language.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { EvaluationReport } from "@/lib/training/types";
import { ANSWER_MODEL } from "@/lib/training/answer-model";
import { NO_THRESHOLD_NOTE, classifierNote as sourceNote } from "@/lib/training/report";
import { classifierNote, confusionLine, entryNamer, per100, plainBasis, reportFigures, sameLanguageConfusions } from "@/components/admin/training/report-figures";
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

function render(r: EvaluationReport, target: number | null = 0.05, languages: Record<string, string> = {}, qs: Record<string, string> = questions) {
  const html = renderToStaticMarkup(createElement(EvaluationReportView, { report: r, threshold: 0.9, target, questions: qs, languages }));
  const [main, details = ""] = html.split('data-testid="report-details"');
  return { html, main, details };
}

const percents = (html: string) => html.match(/\d+(\.\d+)?%/g) ?? [];

describe("evaluation report headline", () => {
  it("leads with one answered figure and one wrong-answer figure, from the whole bot on conversations", () => {
    const { headline } = reportFigures(report(), 0.05);
    expect(headline.basis).toBe("conversations");
    expect(headline.title).toBe("Expected on real customer conversations");
    expect(headline.subtitle).toMatch(/^Measured on our test conversations for other businesses.*not on your FAQ/);
    expect(headline.answered.value).toBe("33.1%");
    expect(headline.answered.label).toMatch(/questions your FAQ covers are answered right by the bot on its own \(about 33 in 100\)/);
    expect(headline.wrong.value).toBe("1.7%");
    expect(headline.wrong.label).toMatch(/of the bot's answers are wrong \(about 2 in 100\)/);
    expect(headline.measured).toMatch(/written customer conversations/);
    expect(headline.measured).toMatch(/businesses the model had not seen/);
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
    expect(headline.measured).toMatch(/written after the bot was built and never used to tune it/);
    const { main, details } = render(r);
    expect(main).not.toContain("1.7%");
    expect(details).toContain("Data: test conversations written after the bot was tuned.");
    expect(details).toMatch(/answered 33\.1% right with 1\.7% of answers wrong/);
  });

  it("puts the check on this FAQ's own phrasings next to the expectation, labelled as such", () => {
    const { headline } = reportFigures(report(), 0.05);
    expect(headline.own?.title).toBe("Check on this FAQ's own phrasings");
    expect([headline.own?.answered.value, headline.own?.wrong.value]).toEqual(["55.9%", "5.7%"]);
    expect(headline.own?.answered.label).toMatch(/your phrasings, each hidden from training and then asked/);
    expect(headline.own?.explain).toMatch(/34 checks\), not a forecast/);
    const { main } = render(report());
    expect(main).toMatch(/data-testid="headline-own-direct-value"[^>]*>55\.9%/);
    expect(main).toMatch(/data-testid="headline-own-wrong-value"[^>]*>5\.7%/);
  });

  it("keeps every other figure out of sight until Details is opened, each explained there", () => {
    const { main, details } = render(report());
    // Outside Details only the expectation, the own-FAQ check (and the target they are read against).
    expect(new Set(percents(main))).toEqual(new Set(["33.1%", "1.7%", "55.9%", "5.7%", "5.0%", "92.5%"]));
    expect(main).toMatch(/data-testid="headline-answered-value"[^>]*>33\.1%/);
    expect(main).not.toContain("85.0%");
    expect(main).not.toContain("8.5%");
    // In Details: the rest of the own-FAQ check and the classifier's internal figures, each with a
    // label that says what it measures.
    expect(details).toMatch(/<summary[^>]*>Details: how these figures were measured/);
    for (const [id, value] of [
      ["own-suggestions", "85.0%"],
      ["metric-answered", "8.5%"],
      ["metric-wrong", "2.8%"],
      ["metric-accuracy", "70.2%"],
    ]) {
      expect(details).toMatch(new RegExp(`data-testid="${id}-value"[^>]*>${value.replace(".", "\\.")}<`));
    }
    expect(details).toMatch(/data-testid="metric-answered-label"[^>]*>Answered on the classifier&#x27;s own thresholds</);
    expect(details).toContain("These figures differ from the expected ones because");
    expect(details).toContain("not what customers get");
  });

  it("never gives two figures on the page the same label", () => {
    const { details, headline } = reportFigures(report(), 0.05);
    const labels = [headline.answered.label, headline.wrong.label, headline.own!.answered.label, headline.own!.wrong.label, ...details.flatMap((s) => s.figures.map((f) => f.label))];
    expect(new Set(labels).size).toBe(labels.length);
    for (const f of details.flatMap((s) => s.figures)) expect(f.explain.length, f.id).toBeGreaterThan(20);
  });

  it("warns, naming the check but not repeating its figure, when the own-FAQ check's wrong answers exceed the target", () => {
    expect(reportFigures(report(), 0.05).warnings.map((w) => w.id)).toEqual(["own-wrong-warning"]);
    expect(reportFigures(report(), 0.05).warnings[0]!.text).toMatch(/check on your FAQ's own phrasings found more wrong answers than your target allows.*under “Entries most often mixed up”/);
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

describe("the report in an admin's words", () => {
  it("rewrites the recorded measurement without file paths, commands or leave-one-business-out", () => {
    const held = plainBasis(ANSWER_MODEL.heldOut!.basis);
    const dev = plainBasis(ANSWER_MODEL.fittedOn);
    for (const text of [held, dev]) {
      expect(text).not.toMatch(/\/|\.json|npm|--split|leave-one-business-out/i);
    }
    expect(held).toMatch(/^test conversations written after the bot was tuned/);
    expect(held).toMatch(/\(\d+ businesses, \d+ answerable questions\)/);
    expect(dev).toMatch(/curve measured on businesses the model had not seen$/);
    expect(
      plainBasis(
        "held-out conversations written after the bot was tuned, by someone who had not seen the others, never used for tuning (evals/dialogue/*/final.json: 8 businesses, 198 answerable questions), npm run eval:dialogue -- --split heldout on 2026-11-30",
      ),
    ).toBe("test conversations written after the bot was tuned, by someone who had not seen the others, never used for tuning (8 businesses, 198 answerable questions), measured on 2026-11-30");
  });

  it("shows no developer terms anywhere on the page of the workspace's real report", () => {
    const base = report();
    const point = ANSWER_MODEL.heldOut!;
    const r = report({
      notes: [NO_THRESHOLD_NOTE],
      conversation: {
        ...base.conversation!,
        threshold: point.threshold,
        expected: { directAnswer: point.directAnswer, wrongAmongAnswers: point.wrongAmongAnswers, basis: point.basis, heldOut: true, development: { directAnswer: 0.4, wrongAmongAnswers: 0.03, basis: ANSWER_MODEL.fittedOn } },
      },
    });
    const { html } = render(r);
    expect(html).not.toMatch(/evals\/|final\.json|npm |eval:dialogue|leave-one-business-out|Leave-one|CHAT_MODEL|README/i);
    expect(html).toMatch(/data-testid="headline-answered-value"[^>]*>36\.4%/);
    expect(html).toContain("(about 36 in 100)");
    expect(html).toContain("(about 8 in 100)");
  });

  it("says the model will not answer on its own only when the bot's answer rule cannot be met", () => {
    // The bot answers through its combined rule (P(right) ≥ its threshold, never above 0.96): the
    // classifier's closed answer path does not stop it.
    for (const note of [NO_THRESHOLD_NOTE, sourceNote(NO_THRESHOLD_NOTE)]) {
      const text = classifierNote(note, 0.95);
      expect(text).not.toMatch(/will not answer on its own/);
      expect(text).toMatch(/classifier alone.*The bot still answers on its own.*at least 95\.0%/);
      expect(classifierNote(note, 1.01)).toMatch(/the bot will not answer on its own/);
    }
    // In the rendered report, with the operating point the bot uses for the target.
    const { details } = render(report({ notes: [NO_THRESHOLD_NOTE] }));
    expect(details).not.toContain("will not answer on its own");
    expect(details).toMatch(/The bot still answers on its own.*at least 92\.5%/);
    // Without the whole-bot check, the operating point comes from the target (thresholdFor).
    const { details: plain } = render(report({ notes: [NO_THRESHOLD_NOTE], conversation: undefined }));
    expect(plain).not.toContain("will not answer on its own");
    expect(plain).toMatch(/The bot still answers on its own/);
    // Other notes keep their words, without "out-of-fold".
    expect(classifierNote("too few out-of-fold paraphrases to certify an answer threshold: the model answers only above every out-of-fold mistake", 0.95)).toBe(
      "Training note: too few held-out paraphrases to certify an answer threshold: the classifier alone answers only above every held-out mistake",
    );
  });

  it("says how many in 100", () => {
    expect([per100(0.288), per100(0.05), per100(0.004), per100(0), per100(null)]).toEqual(["about 29 in 100", "about 5 in 100", "fewer than 1 in 100", "about 0 in 100", ""]);
  });
});

describe("confusions across languages", () => {
  // A bilingual FAQ: "App" in English and Spanish are twins, not rivals.
  const qs = { "app-en": "App", "app-es": "App", "payment-methods": "Payment methods", "metodos-pago": "Métodos de pago", refunds: "Refunds" };
  const langs = { "app-en": "en", "app-es": "es", "payment-methods": "en", "metodos-pago": "es", refunds: "en" };
  const pair = (a: string, b: string, count: number) => ({ a, b, count, examples: [{ text: qs[a as keyof typeof qs], label: a, predicted: b }] });
  const bilingual = () =>
    report({
      confusedPairs: [pair("app-en", "app-es", 4), pair("metodos-pago", "payment-methods", 3), pair("payment-methods", "refunds", 2)],
      conversation: { ...report().conversation!, confusedPairs: undefined },
      // The own check stays within the target: the warning below is not about the pairs.
    });

  it("leaves out pairs of entries in different languages, from older reports too", () => {
    expect(sameLanguageConfusions(bilingual(), langs).map((p) => [p.a, p.b])).toEqual([["payment-methods", "refunds"]]);
    // Unknown languages (an entry no longer in the FAQ) are kept.
    expect(sameLanguageConfusions(bilingual(), {}).length).toBe(3);
  });

  it("prefers the pairs counted within a language by the whole-bot check", () => {
    const r = bilingual();
    r.conversation!.confusedPairs = [pair("payment-methods", "refunds", 5)];
    expect(reportFigures(r, 0.05, langs).confusions.map((p) => p.count)).toEqual([5]);
  });

  it("names entries with their language when the FAQ has several, and only then", () => {
    expect(entryNamer(qs, langs).name("app-en")).toBe("App (en)");
    expect(entryNamer(qs, { "app-en": "en", refunds: "en" }).name("app-en")).toBe("App");
    const { question, name } = entryNamer(qs, langs);
    expect(confusionLine({ text: "refund please", label: "refunds", predicted: "payment-methods" }, question, name)).toBe(
      "“refund please” (a phrasing of “Refunds (en)”), held out from training, was matched to “Payment methods (en)”",
    );
    expect(confusionLine({ text: "App", label: "app-en", predicted: "refunds" }, question, name)).toMatch(/^“App” \(the entry's own question\)/);
    const { main } = render(bilingual(), 0.05, langs, qs);
    expect(main).toContain("Payment methods (en)</span> ↔ <span class=\"font-medium\">Refunds (en)");
    expect(main).not.toContain("App (es)");
    expect(main).not.toContain("Métodos de pago");
  });

  it("says so, and drops the advice that leans on the list, when no pair is left", () => {
    const r = report({ confusedPairs: [pair("app-en", "app-es", 4)], conversation: { ...report().conversation!, confusedPairs: undefined } });
    const { main } = render(r, 0.05, langs, qs);
    expect(main).toContain('data-testid="no-confusions"');
    expect(main).not.toContain("merge entries that mean the same");
    const warning = reportFigures(r, 0.05, langs).warnings.find((w) => w.id === "own-wrong-warning")!;
    expect(warning.text).not.toContain("Entries most often mixed up");
  });
});
