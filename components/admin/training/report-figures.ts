// What the evaluation report says, in words, before any markup: one headline (what share of
// customers' questions the bot answers right on its own, how many of its answers are wrong, and
// how that was measured) and the secondary figures grouped under "details", each with a one-line
// explanation, so that no two figures on the page read as rival answers to the same question.
// Only presentation: every value is a field of the report as training computed it.
import type { ConfusedPair, EvaluationReport } from "@/lib/training/types";
import { pct } from "../api";

export interface Figure {
  /** data-testid of the figure (the "-value" suffix marks its value). */
  id: string;
  label: string;
  value: string;
  explain: string;
}

export interface Headline {
  /** Which measurement the headline rests on. */
  basis: "conversations" | "classifier";
  answered: Figure;
  wrong: Figure;
  /** What happens to the questions that are not answered. */
  rest: string;
  measured: string;
}

export interface DetailSection {
  id: string;
  title: string;
  intro: string;
  figures: Figure[];
  /** Lines that are not figures (the data the measurement rests on, training notes). */
  lines: string[];
}

export interface ReportFigures {
  headline: Headline;
  /** Things the admin should act on, shown next to the headline. */
  warnings: { id: string; text: string }[];
  details: DetailSection[];
}

const REST = "The other questions get “did you mean…” choices or the offer of a person; small talk gets a short reply, and off-topic questions are declined politely.";

export function reportFigures(report: EvaluationReport, target: number | null): ReportFigures {
  const c = report.conversation;
  const targetText = target !== null ? `your wrong-answer target (at most ${pct(target)})` : "your wrong-answer target";
  const cv = `${report.folds}-fold cross-validation: each phrasing hidden from training in turn, then asked`;
  const warnings: ReportFigures["warnings"] = [];

  const classifier: DetailSection = {
    id: "details-classifier",
    title: "The n-gram classifier on its own (internal)",
    intro: c
      ? `One of the views the bot combines, scored alone on your FAQ's phrasings (${cv}). The bot does not answer on these thresholds: it weighs this view with the others, as in the figures above, so these are not what customers get.`
      : `The classifier is scored on your FAQ's phrasings (${cv}).`,
    figures: [
      {
        id: "metric-accuracy",
        label: "Accuracy (best match)",
        value: pct(report.inScopeAccuracy),
        explain: "Share of held-out phrasings whose best match is the right entry, before deciding whether to answer at all.",
      },
    ],
    lines: [],
  };
  if (c) {
    classifier.figures.push(
      {
        id: "metric-answered",
        label: "Answered on the classifier's own thresholds",
        value: pct(report.answeredShare),
        explain: "Share of held-out phrasings the classifier alone would answer with the thresholds calibrated for it.",
      },
      {
        id: "metric-wrong",
        label: "Wrong answers on the classifier's own thresholds",
        value: pct(report.answeredWrongRate),
        explain: "Of the answers the classifier alone would give, the share estimated to be wrong.",
      },
    );
  }
  classifier.figures.push(
    {
      id: "metric-unrelated",
      label: c ? "Unrelated questions the classifier alone would answer" : "Answers to unrelated questions",
      value: pct(report.unrelatedAnsweredRate),
      explain: "Share of stand-ins for questions your FAQ does not cover (entries held out whole, everyday off-topic questions) that would still get an answer.",
    },
    {
      id: "metric-calibration",
      label: "Calibration error",
      value: pct(report.calibrationError),
      explain: "How far the classifier's confidence is from its real hit rate, on average; lower is better.",
    },
    {
      id: "metric-data",
      label: "Data",
      value: `${report.entries} entries`,
      explain: `${report.n} phrasings, ${report.folds}-fold cross-validation, ${report.inScopeScored} held-out checks.`,
    },
  );
  classifier.lines.push(...report.notes.map((n) => `Training note: ${n}`));

  if (!c) {
    if (report.rough) warnings.push({ id: "rough-warning", text: "Rough estimate: your FAQ has few phrasings per question, so these figures rest on little data and may be far off. Add alternative phrasings to your entries for firmer figures." });
    return {
      headline: {
        basis: "classifier",
        answered: { id: "headline-answered", label: "of the questions your FAQ covers are answered by the bot on its own", value: pct(report.answeredShare), explain: "" },
        wrong: { id: "headline-wrong", label: "of those answers are estimated to be wrong", value: pct(report.answeredWrongRate), explain: target !== null ? `Your target: at most ${pct(target)}.` : "" },
        rest: REST,
        measured: `on your own FAQ (${cv}), scored by the n-gram classifier with the thresholds set for ${targetText}. The check of the whole bot (all its views together) is not in this model's report: it is only run for FAQs of up to 400 phrasings.`,
      },
      warnings,
      details: [classifier],
    };
  }

  const own = c.ownPhrasings;
  // Reports made since held-out figures were recorded carry them, with the development figures
  // kept for Details (older reports have the development curve only).
  const heldOut = c.expected.heldOut ? c.expected.development ?? null : null;
  const headline: Headline = {
    basis: "conversations",
    answered: { id: "headline-answered", label: "of customers' questions that your FAQ covers are answered right by the bot on its own", value: pct(c.expected.directAnswer), explain: "" },
    wrong: {
      id: "headline-wrong",
      label: "of the bot's answers are wrong",
      value: pct(c.expected.wrongAmongAnswers),
      explain:
        target === null
          ? ""
          : c.expected.wrongAmongAnswers > target
            ? `Your target: at most ${pct(target)}. On these conversations the bot came out above it: the rule is set for your target on the conversations it was fitted on, and unseen ones fare worse. A stricter target makes it answer less and be wrong less.`
            : `Your target: at most ${pct(target)}.`,
    },
    rest: REST,
    measured: heldOut
      ? `on written customer conversations (typos, follow-ups, small talk, off-topic questions) for test businesses that were kept apart while the bot was built, with the answer rule your target sets (the bot answers only when its estimated chance of being right is at least ${pct(c.threshold)}, the level ${targetText} sets). It does not depend on your FAQ's content (every workspace with this target gets the same figures); your own FAQ is checked under “Details”.`
      : `on written customer conversations (typos, follow-ups, small talk, off-topic questions) for test businesses, each scored with an answer rule fitted without that business; the bot answers only when its estimated chance of being right is at least ${pct(c.threshold)}, the level ${targetText} sets. It does not depend on your FAQ's content (every workspace with this target gets the same estimate); your own FAQ is checked under “Details”.`,
  };
  const basis: DetailSection = {
    id: "details-basis",
    title: "How the headline was measured",
    intro: "The headline comes from the bot's answer rule measured on conversations, not from your FAQ.",
    figures: [],
    lines: heldOut
      ? [
          `Data: ${c.expected.basis}.`,
          `On the conversations the answer rule was fitted on (${heldOut.basis}), the same rule answered ${pct(heldOut.directAnswer)} right with ${pct(heldOut.wrongAmongAnswers)} of answers wrong: those were read while the bot's rules were written and flatter it, so the headline shows the held-out figures instead.`,
        ]
      : [
          `Data: ${c.expected.basis}.`,
          "Leave-one-business-out: for each business, the rule was fitted on the others and measured on that one — the situation of a new workspace's FAQ.",
          "These conversations were also read while the bot's rules were written, so they flatter it; on conversations written later, more answers were wrong. That is why the bot aims below your target.",
        ],
  };
  const ownSection: DetailSection = {
    id: "details-own",
    title: "Check on your own FAQ",
    intro: `Your phrasings were hidden from training one at a time and asked as a customer's question (${own.n} checks), through the same answer rule as the live bot. These figures differ from the headline because they test your FAQ's own wording one question at a time, with one of its few phrasings missing, rather than real conversations. Use them to find entries that need more phrasings.`,
    figures: [
      { id: "own-direct", label: "Answered right on its own", value: pct(own.directAnswer), explain: "Share of your held-out phrasings that got their own entry as a direct answer." },
      { id: "own-suggestions", label: "Answered right or offered among the choices", value: pct(own.withSuggestions), explain: "Share that got their entry as the answer or among the first three “did you mean…” choices." },
      {
        id: "own-wrong",
        label: "Wrong answers",
        value: pct(own.wrongAmongAnswers),
        explain: "Of the answers given in this check, the share that were wrong — counting answers to the stand-ins for questions your FAQ does not cover.",
      },
      { id: "own-uncovered", label: "Questions not covered that got an answer", value: pct(own.uncoveredAnswered), explain: "Stand-ins for questions your FAQ does not cover (entries held out whole, everyday off-topic questions) that still got an answer." },
    ],
    lines: [],
  };
  if (target !== null && own.wrongAmongAnswers !== null && own.wrongAmongAnswers > target) {
    warnings.push({
      id: "own-wrong-warning",
      text: `The check on your own FAQ (under “Details”) found more wrong answers than your target allows: some of your entries are easily mistaken for each other. Add a phrasing or two to the entries under “Entries most often mixed up”, then train again.`,
    });
  }
  if (report.rough) {
    warnings.push({
      id: "rough-warning",
      text: "Rough estimate: your FAQ has few phrasings per question, so the figures measured on it (under “Details”) rest on little data and may be far off. Add alternative phrasings to your entries for firmer figures.",
    });
  }
  return { headline, warnings, details: [basis, ownSection, classifier] };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * One tested phrasing of a confused pair, worded so that an entry's own question matched to
 * another entry reads as what it was: a held-out test, not the live bot's answer to that question.
 */
export function confusionLine(example: ConfusedPair["examples"][number], question: (key: string) => string): string {
  const own = question(example.label);
  const whose = same(example.text, own) ? "the entry's own question" : `a phrasing of “${own}”`;
  return `“${example.text}” (${whose}), held out from training, was matched to “${question(example.predicted)}”`;
}

export const CONFUSION_INTRO =
  "Found by cross-validation: each of your phrasings was hidden from training and then asked, so the classifier (one of the bot's views) had to recognise it from the entry's other phrasings. The trained bot knows every phrasing, so a customer typing an FAQ question as written normally gets its own entry; these pairs show where a differently worded question could get the neighbouring entry's answer.";
