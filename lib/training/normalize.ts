// Text normalisation shared by training and inference. Another runtime must reproduce it exactly
// (it is described in features.json), so keep it small and deterministic.

/** Steps, in order, as recorded in features.json for other runtimes. */
export const NORMALIZATION_STEPS = [
  "unicode NFD, then drop combining marks (\\p{M}) — removes accents: canción → cancion",
  "lower-case",
  "delete apostrophes ['’`´] so contractions stay one token: don't → dont",
  "replace every run of characters that are not letters or digits (\\p{L}\\p{N}) by one space",
  "trim",
];

export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function tokenize(normalized: string): string[] {
  return normalized.length === 0 ? [] : normalized.split(" ");
}
