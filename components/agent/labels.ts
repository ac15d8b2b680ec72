// Words and numbers as agents read them: handoff reasons, bot decisions, waiting times.

const REASONS: Record<string, string> = {
  customer_request: "Asked for a person",
  model_handoff: "Bot unsure",
  off_topic: "Off-topic message",
  low_confidence: "Bot unsure",
  unanswered: "Two unanswered questions",
  frustration: "Frustrated customer",
  no_model: "No trained model",
};

export function reasonLabel(reason: string | null | undefined): string {
  if (!reason) return "Handed over";
  return REASONS[reason] ?? reason.replace(/_/g, " ");
}

const sameWords = (a: string) => a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/**
 * The hand-off's reason and what triggered it, each said once: the trigger is left out when it
 * only repeats the reason in other case or punctuation ("Asked for a person" / "asked for a person").
 */
export function handoffReasonParts(reason: string | null | undefined, trigger: string | null | undefined): string[] {
  const parts: string[] = [];
  for (const p of [reasonLabel(reason), trigger?.trim() ?? ""]) {
    if (p && !parts.some((q) => sameWords(q) === sameWords(p))) parts.push(p);
  }
  return parts;
}

/** The trigger when it adds something to the reason's label, else null. */
export function triggerDetail(reason: string | null | undefined, trigger: string | null | undefined): string | null {
  return handoffReasonParts(reason, trigger)[1] ?? null;
}

const DECISIONS: Record<string, string> = { answer: "Answered", suggest: "Suggested", handoff: "Had no answer", smalltalk: "Small talk", offtopic: "Declined as off-topic", human: "Asked for a person" };

export function decisionLabel(kind: string): string {
  return DECISIONS[kind] ?? kind;
}

export function percent(confidence: number | null | undefined): string {
  return confidence == null ? "—" : `${Math.round(confidence * 100)}%`;
}

/** "45 s", "3 min 05 s", "2 h 10 min". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

const LANGUAGES: Record<string, string> = { en: "English", es: "Spanish" };

export function languageLabel(code: string | null | undefined): string {
  if (!code) return "Unknown language";
  return LANGUAGES[code] ?? code.toUpperCase();
}

/** The FAQ entry a decision points at: the answer given, or only the closest guess. */
export function entryLabel(kind: string, key: string | null | undefined): string {
  if (!key) return "";
  return kind === "answer" ? key : `closest: ${key}`;
}
