// Public types of the tenant-model library: what goes into training, what comes out, and the
// decision the chat receives for each customer message.

export interface FaqExample {
  text: string;
  /** FAQ entry key. */
  label: string;
}

/** Optional sentence encoder; must return one vector per text, all of the same length. */
export type Embedder = (texts: string[]) => Promise<Float32Array[]>;

export interface TrainProgress {
  phase: string;
  /** 0..1 over the whole training run. */
  fraction: number;
  message?: string;
}

export interface TrainOptions {
  /** At most this share of answered questions may be answered wrongly (default 0.05). */
  targetWrongRate?: number;
  /**
   * Share of incoming messages assumed NOT covered by the FAQ when choosing thresholds and calibrating
   * (default 0.2). It is a product prior, not measured: change it if a tenant's traffic is known.
   */
  unrelatedShare?: number;
  /** Among "did you mean" offers, at least this share should contain the right entry (default 0.5). */
  suggestHitRate?: number;
  seed?: number;
  /** CPU threads training may use (default 2: cross-validation folds run in a worker thread). */
  threads?: number;
  /**
   * Also learn each entry key, read as words ("card-not-arrived" → "card not arrived"), as a phrasing
   * of its entry (default false). Helps small FAQs whose keys describe the entry; leave it off when
   * keys are codes. See lib/training/entry-keys.ts.
   */
  entryKeyPhrasings?: boolean;
  /**
   * Each entry's answer text, by entry key. Its sentences are learned as extra, never held-out
   * examples of the entry: customers use the answer's words ("tracking link") as often as the
   * question's, and a small FAQ has few phrasings to learn from.
   */
  answers?: Record<string, string>;
  /** Each entry's language, by entry key: the report then scores questions as the chat does (an answer only from entries in the customer's language). */
  languages?: Record<string, string>;
  embed?: Embedder;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
}

export interface Candidate {
  label: string;
  /** Calibrated probability that this entry is the right answer. */
  confidence: number;
}

export interface Decision {
  kind: "answer" | "suggest" | "handoff";
  candidates: Candidate[];
  reason: string;
}

export interface Calibration {
  /** Softmax temperature fitted on out-of-fold in-scope scores. */
  temperature: number;
  /** Logistic model of P(message is covered by the FAQ | score features); see calibration.ts. */
  scope: { mean: number[]; std: number[]; weights: number[]; bias: number } | null;
  /**
   * Logistic model of P(the top entry is the right answer | features), see decide.ts
   * correctFeatures; absent in older models, which use P(covered) · softmax instead.
   */
  correct?: { mean: number[]; std: number[]; weights: number[]; bias: number } | null;
  answerThreshold: number;
  suggestThreshold: number;
  targetWrongRate: number;
  unrelatedShare: number;
  /** True when thresholds are defaults or rest on too little out-of-fold data. */
  rough: boolean;
}

export interface CurvePoint {
  threshold: number;
  /** Share of covered questions that get an answer. */
  answeredShare: number;
  /** Wrong answers / answers, over the covered + unrelated mix (weighted by unrelatedShare). */
  wrongRate: number;
  /** Share of unrelated questions (held-out entries and built-in off-topic questions) that wrongly get an answer. */
  unrelatedAnswered: number;
}

export interface ConfusedPair {
  a: string;
  b: string;
  count: number;
  examples: { text: string; label: string; predicted: string }[];
}

export interface EvaluationReport {
  n: number;
  entries: number;
  folds: number;
  /** Out-of-fold top-1 accuracy on covered questions (no abstention). */
  inScopeAccuracy: number | null;
  top3Accuracy: number | null;
  /** At the chosen thresholds, out-of-fold. */
  answeredShare: number | null;
  answeredWrongRate: number | null;
  suggestedShare: number | null;
  /**
   * Share of stand-ins for unrelated questions that got an answer: phrasings of held-out entries
   * plus built-in everyday off-topic questions (lib/training/off-topic.ts).
   */
  unrelatedAnsweredRate: number | null;
  /** Expected calibration error of the top-1 confidence on out-of-fold data. */
  calibrationError: number | null;
  inScopeScored: number;
  unrelatedScored: number;
  confusedPairs: ConfusedPair[];
  curve: CurvePoint[];
  rough: boolean;
  notes: string[];
  timings: Record<string, number>;
  /**
   * The live answer policy (both views, P(right) threshold) on this FAQ's held-out phrasings, and
   * what to expect on real customer messages; absent for large FAQs (over 400 phrasings).
   */
  conversation?: import("./conversation-report").ConversationReport;
}

export interface TrainedModel {
  kind: "ngram" | "embedding";
  files: Record<string, Uint8Array>;
  checksum: string;
  sizeBytes: number;
  evaluation: EvaluationReport;
  calibration: Calibration;
}

export interface TenantModel {
  labels: string[];
  decide(text: string): Promise<Decision>;
  decideBatch(texts: string[]): Promise<Decision[]>;
}
