// Splits a document's text into passages: the unit the bot retrieves and quotes. A passage stays
// under one heading and holds whole paragraphs (or, for a very long paragraph, whole sentences),
// about 40–160 words, so a quote is short enough for a chat bubble and still has its context.
import { splitSentences } from "./sentences";

export interface PassageDraft {
  position: number;
  /** The nearest heading above it (the document title when there is none). */
  heading: string | null;
  text: string;
}

const TARGET_WORDS = 110;
const MAX_WORDS = 160;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

function sections(text: string): Array<{ heading: string | null; paragraphs: string[] }> {
  const out: Array<{ heading: string | null; paragraphs: string[] }> = [{ heading: null, paragraphs: [] }];
  for (const block of text.split(/\n{2,}/)) {
    const lines = block.split("\n");
    let rest: string[] = [];
    for (const line of lines) {
      const h = /^#{1,6}\s+(.+)$/.exec(line);
      if (h) {
        if (rest.length) out.at(-1)!.paragraphs.push(rest.join("\n"));
        rest = [];
        out.push({ heading: h[1].trim(), paragraphs: [] });
      } else rest.push(line);
    }
    if (rest.join("").trim()) out.at(-1)!.paragraphs.push(rest.join("\n").trim());
  }
  return out.filter((s) => s.paragraphs.length > 0);
}

/** A paragraph longer than MAX_WORDS, cut between sentences. */
function cutLong(paragraph: string): string[] {
  if (words(paragraph) <= MAX_WORDS) return [paragraph];
  const out: string[] = [];
  let cur: string[] = [];
  for (const s of splitSentences(paragraph)) {
    if (cur.length && words(cur.join(" ")) + words(s) > TARGET_WORDS) {
      out.push(cur.join(" "));
      cur = [];
    }
    cur.push(s);
  }
  if (cur.length) out.push(cur.join(" "));
  return out;
}

export function splitPassages(text: string): PassageDraft[] {
  const out: PassageDraft[] = [];
  for (const section of sections(text)) {
    let cur: string[] = [];
    const flush = () => {
      if (cur.length) out.push({ position: out.length, heading: section.heading, text: cur.join("\n\n") });
      cur = [];
    };
    for (const p of section.paragraphs.flatMap(cutLong)) {
      // A list belongs with the sentence that introduces it: keep adding while under the cap.
      if (cur.length && words(cur.join(" ")) + words(p) > (words(cur.join(" ")) < 40 ? MAX_WORDS : TARGET_WORDS)) flush();
      cur.push(p);
    }
    flush();
  }
  return out;
}
