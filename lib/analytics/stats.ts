// Owns the small statistics the dashboard needs, kept exact so tests can hand-compute them.

/** Median; the mean of the two middle values for an even count; null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** "2025-03-07": the UTC calendar day of an instant. */
export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Every UTC day from `from` (inclusive) up to `to` (exclusive). */
export function daysBetween(from: Date, to: Date): string[] {
  const days: string[] = [];
  const cur = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (cur < to && days.length < 3700) {
    days.push(utcDay(cur));
    cur.setUTCDate(cur.getUTCDate() + 1);
  }
  return days;
}
