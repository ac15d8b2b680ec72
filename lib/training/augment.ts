// Few-shot augmentation: an entry with only a handful of phrasings gets extra noisy copies
// (a dropped word, a typo, two swapped words) so the classifier does not hinge on exact wording.
import { createRng } from "./rng";

export interface Phrasing {
  text: string;
  label: number;
  /** Index of the original phrasing this one derives from (itself for originals). */
  source: number;
}

/** Entries with fewer phrasings than this get augmented copies. */
const AUGMENT_BELOW = 16;
const MAX_COPIES = 4;

function typo(word: string, r: number, r2: number): string {
  const i = Math.floor(r2 * (word.length - 1));
  if (r < 0.33) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2); // swap
  if (r < 0.66) return word.slice(0, i) + word.slice(i + 1); // delete
  return word.slice(0, i) + word[i] + word.slice(i); // double
}

export function noisyCopy(text: string, rng: () => number): string {
  const words = text.split(/\s+/).filter(Boolean);
  const kind = rng();
  if (kind < 0.4 && words.length >= 3) {
    words.splice(Math.floor(rng() * words.length), 1);
  } else if (kind < 0.6 && words.length >= 2) {
    const i = Math.floor(rng() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
  } else {
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
    if (long.length === 0) return text;
    const [w, i] = long[Math.floor(rng() * long.length)];
    words[i] = typo(w, rng(), rng());
  }
  return words.join(" ");
}

export function augment(texts: string[], labels: number[], seed: number): Phrasing[] {
  const rng = createRng(seed + 17);
  const perLabel = new Map<number, number>();
  for (const l of labels) perLabel.set(l, (perLabel.get(l) ?? 0) + 1);
  const out: Phrasing[] = texts.map((text, i) => ({ text, label: labels[i], source: i }));
  texts.forEach((text, i) => {
    const count = perLabel.get(labels[i]) ?? 0;
    if (count >= AUGMENT_BELOW) return;
    const copies = Math.min(MAX_COPIES, Math.ceil(AUGMENT_BELOW / count) - 1);
    const seen = new Set([text]);
    for (let k = 0; k < copies; k++) {
      const copy = noisyCopy(text, rng);
      if (seen.has(copy)) continue;
      seen.add(copy);
      out.push({ text: copy, label: labels[i], source: i });
    }
  });
  return out;
}
