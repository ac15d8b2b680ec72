// Owns FAQ entry identity: how questions are compared for duplicates (normalizeQuestion) and the
// stable key each entry gets. A key derived from the question means re-uploading an edited FAQ
// keeps the same key for an unchanged question, so stats and agent links survive the upload.

export const MAX_GENERATED_KEY_LENGTH = 60;

/**
 * Folds a question for comparison: case, accents (á→a, ñ→n), punctuation (¿?¡!.,"…) and
 * whitespace are ignored. "¿Cuánto cuesta el envío?" and "cuanto cuesta el ENVIO" are equal.
 */
export function normalizeQuestion(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// FNV-1a: a short deterministic fingerprint for questions with no Latin letters to slug.
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** ASCII slug of a question, at most 60 characters, cut at a word boundary when possible. */
export function slugifyQuestion(question: string): string {
  const normalized = normalizeQuestion(question);
  const slug = normalized.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (!slug) return `faq-${fingerprint(normalized || question)}`;
  if (slug.length <= MAX_GENERATED_KEY_LENGTH) return slug;
  const cut = slug.slice(0, MAX_GENERATED_KEY_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return lastDash >= 20 ? cut.slice(0, lastDash) : slug.slice(0, MAX_GENERATED_KEY_LENGTH).replace(/-+$/, "");
}

/**
 * Gives every entry a key unique within the file: its own key when it has one, otherwise the slug
 * of its question with "-2", "-3"… appended on collision. Explicit keys are reserved first so a
 * generated key never takes one an admin chose. Explicit keys must already be unique.
 */
export function assignKeys(entries: ReadonlyArray<{ key: string | null; question: string }>): string[] {
  const taken = new Set(entries.flatMap((e) => (e.key ? [e.key] : [])));
  return entries.map((entry) => {
    if (entry.key) return entry.key;
    const base = slugifyQuestion(entry.question);
    let key = base;
    for (let n = 2; taken.has(key); n++) {
      const suffix = `-${n}`;
      key = base.slice(0, MAX_GENERATED_KEY_LENGTH - suffix.length).replace(/-+$/, "") + suffix;
    }
    taken.add(key);
    return key;
  });
}
