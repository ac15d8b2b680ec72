// How the dashboard writes its figures; shared by the cards and the tests' expectations.
export function formatShare(v: number | null): string {
  return v === null ? "—" : `${(v * 100).toFixed(1)}%`;
}

export function formatSeconds(s: number | null): string {
  if (s === null) return "—";
  const total = Math.round(s);
  if (total < 60) return `${total} s`;
  if (total < 3600) return `${Math.floor(total / 60)} min ${total % 60} s`;
  return `${Math.floor(total / 3600)} h ${Math.floor((total % 3600) / 60)} min`;
}

export function formatMean(v: number | null): string {
  return v === null ? "—" : v.toFixed(2);
}

export const REASON_LABELS: Record<string, string> = {
  customer_request: "Asked for a person",
  low_confidence: "Low confidence",
  unanswered: "Unanswered twice",
  frustration: "Frustration",
  model_handoff: "Bot could not answer",
  off_topic: "Off-topic message",
  no_model: "No model published",
};
