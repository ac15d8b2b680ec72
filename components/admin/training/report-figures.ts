// What the evaluation report says, in words, before any markup: one headline (what share of
// customers' questions the bot answers right on its own, how many of its answers are wrong, and
// how that was measured) and the secondary figures grouped under "details", each with a one-line
// explanation, so that no two figures on the page read as rival answers to the same question.
// Only presentation: every value is a field of the report as training computed it.
import type { ConfusedPair, EvaluationReport } from "@/lib/training/types";
import { thresholdFor } from "@/lib/training/answer-model";
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
  /** What the two figures are, and (subtitle) what they were measured on, in a line each. */
  title: string;
  subtitle: string;
  answered: Figure;
  wrong: Figure;
  /**
   * Next to the expectation: the check on this FAQ's own phrasings (absent when the report has no
   * whole-bot check, the headline then being measured on the FAQ itself).
   */
  own: { title: string; answered: Figure; wrong: Figure; explain: string } | null;
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
  /** The entries most often mixed up, only within a language (as the bot compares them). */
  confusions: ConfusedPair[];
  details: DetailSection[];
}

/** "about 29 in 100" for 0.288. */
export function per100(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "";
  const n = Math.round(v * 100);
  return n === 0 && v > 0 ? "fewer than 1 in 100" : `about ${n} in 100`;
}

/**
 * A measurement's description as recorded by developers (answer-model.json), in an admin's words:
 * no file paths, no commands, no "leave-one-business-out".
 */
export function plainBasis(basis: string): string {
  return basis
    .replace(/[\w.*-]+(?:\/[\w.*-]+)+\.(?:json|ts|md|csv)\b:?\s*/g, "")
    .replace(/,?\s*npm run\s.*?\s+on (\d{4}-\d{2}-\d{2})\b/g, ", measured on $1")
    .replace(/,?\s*npm run\s[^;)]*/g, "")
    .replace(/leave-one-business-out/gi, "on businesses the model had not seen")
    .replace(/\bheld-out conversations\b/g, "test conversations")
    .replace(/\(\s*\)/g, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** Notes of calibration that concern the classifier alone, read by an admin next to the bot's real answer rule. */
export function classifierNote(note: string, botThreshold: number | null): string {
  if (/^no (classifier )?threshold meets the wrong-answer target/.test(note)) {
    // The bot answers when P(right) reaches its threshold (never above 0.96, understand.ts), so only
    // when that threshold is unreachable would "it will not answer on its own" be true.
    if (botThreshold !== null && botThreshold > 1) return "On your FAQ's held-out phrasings no confidence level keeps wrong answers within your target: the bot will not answer on its own, only offer choices or a person.";
    const rule = botThreshold !== null ? `when its estimated chance of being right is at least ${pct(botThreshold)}` : "when all its views together are sure enough";
    return `On your FAQ's held-out phrasings, no confidence level of the classifier alone keeps wrong answers within your target, so the classifier's own answer path stays closed. The bot still answers on its own: it combines all its views and answers ${rule}.`;
  }
  return `Training note: ${note.replace(/\bout-of-fold\b/g, "held-out").replace(/\bthe model answers only\b/, "the classifier alone answers only")}`;
}

/** Entry key → how the report names it: its question, with its language when the FAQ has several ("App (en)"). */
export function entryNamer(questions: Record<string, string>, languages: Record<string, string> = {}) {
  const several = new Set(Object.values(languages)).size > 1;
  const question = (key: string) => questions[key] ?? key;
  const name = (key: string) => (several && languages[key] ? `${question(key)} (${languages[key]})` : question(key));
  return { question, name };
}

/**
 * The bot compares a message only with the entries of its language, so two entries in different
 * languages are never a real confusion (the English and Spanish "App" are twins, not rivals). New
 * reports count confusions within a language (conversation.confusedPairs); older ones are filtered
 * here by the FAQ's languages.
 */
export function sameLanguageConfusions(report: EvaluationReport, languages: Record<string, string> = {}): ConfusedPair[] {
  const pairs = report.conversation?.confusedPairs ?? report.confusedPairs;
  return pairs.filter((p) => !(languages[p.a] && languages[p.b] && languages[p.a] !== languages[p.b]));
}

const REST = "The other questions get “did you mean…” choices or the offer of a person; small talk gets a short reply, and off-topic questions are declined politely.";

export function reportFigures(report: EvaluationReport, target: number | null, languages: Record<string, string> = {}): ReportFigures {
  const c = report.conversation;
  const confusions = sameLanguageConfusions(report, languages);
  const botThreshold = c?.threshold ?? (target !== null ? thresholdFor(target) : null);
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
  classifier.lines.push(...report.notes.map((n) => classifierNote(n, botThreshold)));

  if (!c) {
    if (report.rough) warnings.push({ id: "rough-warning", text: "Rough estimate: your FAQ has few phrasings per question, so these figures rest on little data and may be far off. Add alternative phrasings to your entries for firmer figures." });
    return {
      headline: {
        basis: "classifier",
        title: "Check on this FAQ's own phrasings",
        subtitle: "Measured on your FAQ: each of its phrasings hidden from training, then asked as a question.",
        answered: { id: "headline-answered", label: `of the questions your FAQ covers are answered by the bot on its own (${per100(report.answeredShare)})`, value: pct(report.answeredShare), explain: "" },
        wrong: { id: "headline-wrong", label: `of those answers are estimated to be wrong (${per100(report.answeredWrongRate)})`, value: pct(report.answeredWrongRate), explain: target !== null ? `Your target: at most ${pct(target)}.` : "" },
        own: null,
        rest: REST,
        measured: `on your own FAQ (${cv}), scored by the n-gram classifier with the thresholds set for ${targetText}. The check of the whole bot (all its views together) is not in this model's report: it is only run for FAQs of up to 400 phrasings.`,
      },
      warnings,
      confusions,
      details: [classifier],
    };
  }

  const own = c.ownPhrasings;
  // Reports made since held-out figures were recorded carry them, with the development figures
  // kept for Details (older reports have the development curve only).
  const heldOut = c.expected.heldOut ? c.expected.development ?? null : null;
  const headline: Headline = {
    basis: "conversations",
    title: "Expected on real customer conversations",
    subtitle: heldOut
      ? "Measured on our test conversations for other businesses, which the bot had never seen — not on your FAQ, so every workspace with your wrong-answer target sees these figures. Your own FAQ's check is next to them."
      : "Measured on our test conversations for other businesses, each scored on businesses the model had not seen — not on your FAQ, so every workspace with your wrong-answer target sees these figures. Your own FAQ's check is next to them.",
    answered: { id: "headline-answered", label: `of the questions your FAQ covers are answered right by the bot on its own (${per100(c.expected.directAnswer)})`, value: pct(c.expected.directAnswer), explain: "" },
    wrong: {
      id: "headline-wrong",
      label: `of the bot's answers are wrong (${per100(c.expected.wrongAmongAnswers)})`,
      value: pct(c.expected.wrongAmongAnswers),
      explain:
        target === null
          ? ""
          : c.expected.wrongAmongAnswers > target
            ? `Your target: at most ${pct(target)}. On these conversations the bot came out above it: the rule is set for your target on the conversations it was fitted on, and unseen ones fare worse. A stricter target makes it answer less and be wrong less.`
            : `Your target: at most ${pct(target)}.`,
    },
    own: {
      title: "Check on this FAQ's own phrasings",
      answered: { id: "headline-own-direct", label: "of your phrasings, each hidden from training and then asked, got their own entry as the answer", value: pct(c.ownPhrasings.directAnswer), explain: "" },
      wrong: { id: "headline-own-wrong", label: "of the answers in this check were wrong", value: pct(c.ownPhrasings.wrongAmongAnswers), explain: "" },
      explain: `A check of your FAQ's wording (${c.ownPhrasings.n} checks), not a forecast: each question is asked with one of its entry's few phrasings missing. Use it to find entries that need more phrasings; more figures under “Details”.`,
    },
    rest: REST,
    measured: heldOut
      ? `the expected figures come from written customer conversations (typos, follow-ups, small talk, off-topic questions) for test businesses, written after the bot was built and never used to tune it: businesses the model had not seen. The bot answers only when its estimated chance of being right is at least ${pct(c.threshold)}, the level ${targetText} sets. They do not depend on your FAQ's content.`
      : `the expected figures come from written customer conversations (typos, follow-ups, small talk, off-topic questions) for test businesses, each measured with an answer rule fitted without that business: businesses the model had not seen. The bot answers only when its estimated chance of being right is at least ${pct(c.threshold)}, the level ${targetText} sets. They do not depend on your FAQ's content.`,
  };
  const basis: DetailSection = {
    id: "details-basis",
    title: "How the headline was measured",
    intro: "The headline comes from the bot's answer rule measured on conversations, not from your FAQ.",
    figures: [],
    lines: heldOut
      ? [
          `Data: ${plainBasis(c.expected.basis)}.`,
          `On the conversations the answer rule was fitted on (${plainBasis(heldOut.basis)}), the same rule answered ${pct(heldOut.directAnswer)} right with ${pct(heldOut.wrongAmongAnswers)} of answers wrong: those were read while the bot's rules were written and flatter it, so the headline shows the figures from the conversations written later instead.`,
        ]
      : [
          `Data: ${plainBasis(c.expected.basis)}.`,
          "Measured on businesses the model had not seen: for each business, the rule was fitted on the others and measured on that one — the situation of a new workspace's FAQ.",
          "These conversations were also read while the bot's rules were written, so they flatter it; on conversations written later, more answers were wrong. That is why the bot aims below your target.",
        ],
  };
  const ownSection: DetailSection = {
    id: "details-own",
    title: "Check on this FAQ's own phrasings: more figures",
    intro: `Your phrasings were hidden from training one at a time and asked as a customer's question (${own.n} checks), through the same answer rule as the live bot; the share answered right on its own and the share of wrong answers are next to the headline. These figures differ from the expected ones because they test your FAQ's own wording one question at a time, with one of its few phrasings missing, rather than real conversations. Use them to find entries that need more phrasings.`,
    figures: [
      { id: "own-suggestions", label: "Answered right or offered among the choices", value: pct(own.withSuggestions), explain: "Share that got their entry as the answer or among the first three “did you mean…” choices." },
      { id: "own-uncovered", label: "Questions not covered that got an answer", value: pct(own.uncoveredAnswered), explain: "Stand-ins for questions your FAQ does not cover (entries held out whole, everyday off-topic questions) that still got an answer." },
    ],
    lines: [],
  };
  if (target !== null && own.wrongAmongAnswers !== null && own.wrongAmongAnswers > target) {
    warnings.push({
      id: "own-wrong-warning",
      text:
        confusions.length > 0
          ? `The check on your FAQ's own phrasings found more wrong answers than your target allows: some of your entries are easily mistaken for each other. Add a phrasing or two to the entries under “Entries most often mixed up”, then train again.`
          : `The check on your FAQ's own phrasings found more wrong answers than your target allows: some questions got the wrong entry or an answer where your FAQ has none. Add a phrasing or two to entries whose questions are worded alike, then train again.`,
    });
  }
  if (report.rough) {
    warnings.push({
      id: "rough-warning",
      text: "Rough estimate: your FAQ has few phrasings per question, so the figures measured on it (under “Details”) rest on little data and may be far off. Add alternative phrasings to your entries for firmer figures.",
    });
  }
  return { headline, warnings, confusions, details: [basis, ownSection, classifier] };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * One tested phrasing of a confused pair, worded so that an entry's own question matched to
 * another entry reads as what it was: a held-out test, not the live bot's answer to that question.
 */
export function confusionLine(example: ConfusedPair["examples"][number], question: (key: string) => string, name: (key: string) => string = question): string {
  const whose = same(example.text, question(example.label)) ? "the entry's own question" : `a phrasing of “${name(example.label)}”`;
  return `“${example.text}” (${whose}), held out from training, was matched to “${name(example.predicted)}”`;
}

export const CONFUSION_INTRO =
  "Found by cross-validation: each of your phrasings was hidden from training and then asked, so the classifier (one of the bot's views) had to recognise it from the entry's other phrasings. The trained bot knows every phrasing, so a customer typing an FAQ question as written normally gets its own entry; these pairs show where a differently worded question could get the neighbouring entry's answer.";
