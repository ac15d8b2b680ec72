// Turns an article in Markdown, HTML or plain text into the one text form the knowledge base
// stores: paragraphs separated by blank lines, headings as Markdown "# " lines, list items as
// "- " lines, no markup. (PDF text comes from pdf-text.ts and is tidied by tidyPdfText.)

/** The first heading or line that can serve as a title. */
export function titleFrom(text: string): string | null {
  for (const line of text.split("\n")) {
    const t = line.replace(/^#+\s*/, "").trim();
    if (t) return t.length <= 120 ? t : null;
  }
  return null;
}

function collapse(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\f\v\u00a0]+/g, " ")
    .split("\n")
    .map((l) => l.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function plainText(text: string): string {
  return collapse(text);
}

/** Markdown to text: headings kept, emphasis, links, images, code fences and tables unwrapped. */
export function markdownText(md: string): { text: string; title: string | null } {
  let s = md.replace(/\r\n?/g, "\n");
  let title: string | null = null;
  // YAML front matter: its title, if any; the rest is metadata, not article text.
  const front = /^---\n([\s\S]*?)\n---\n/.exec(s);
  if (front) {
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1])?.[1] ?? null;
    s = s.slice(front[0].length);
  }
  s = s
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/^(```|~~~).*$/gm, "")
    .replace(/^(.+)\n=+[ \t]*$/gm, "# $1")
    .replace(/^(.+)\n-+[ \t]*$/gm, "## $1")
    .replace(/^[ \t]{0,3}(#{1,6})[ \t]+(.*?)\s*#*[ \t]*$/gm, (_m, h: string, t: string) => `\n${h} ${t}\n`)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, t: string, url: string) => (/^https?:\/\//.test(url) && t !== url ? `${t} (${url})` : t))
    .replace(/^[ \t]*\[[^\]]+\]:\s+\S+.*$/gm, "")
    .replace(/<(https?:\/\/[^>]+)>/g, "$1")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?!\w)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^[ \t]*>\s?/gm, "")
    .replace(/^[ \t]*[-*+]\s+\[[ xX]\]\s+/gm, "- ")
    .replace(/^[ \t]*[*+]\s+/gm, "- ")
    .replace(/^[ \t]*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?[ \t]*$/gm, "")
    .replace(/^[ \t]*\|(.*)\|[ \t]*$/gm, (_m, row: string) => row.split("|").map((c) => c.trim()).filter(Boolean).join(" — "))
    .replace(/^[ \t]*([-*_])(\s*\1){2,}[ \t]*$/gm, "");
  const text = collapse(s);
  return { text, title: title ?? (/^# (.+)$/m.exec(text)?.[1] ?? null) };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…", euro: "€", pound: "£", copy: "©", reg: "®", laquo: "«", raquo: "»", iexcl: "¡", iquest: "¿", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“", middot: "·", bull: "•", deg: "°" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    const named = ENTITIES[e.toLowerCase()];
    if (named) return named;
    // Accented letters: &aacute; &ntilde; &uuml; …
    const acc = /^([a-z])(acute|grave|circ|tilde|uml|cedil)$/i.exec(e);
    if (acc) return (acc[1] + { acute: "\u0301", grave: "\u0300", circ: "\u0302", tilde: "\u0303", uml: "\u0308", cedil: "\u0327" }[acc[2].toLowerCase()]).normalize("NFC");
    return m;
  });
}

const BLOCK = "p|div|section|article|main|header|footer|aside|table|thead|tbody|tr|ul|ol|dl|dt|dd|blockquote|pre|figure|figcaption|form|fieldset|details|summary|address|hr";

/** HTML to text: scripts, styles and navigation dropped, headings and list items kept as lines. */
export function htmlText(html: string): { text: string; title: string | null } {
  let s = html.replace(/\r\n?/g, "\n");
  const docTitle = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(s)?.[1];
  s = s
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template|svg|head|nav|iframe|object|button|select)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_m, n: string, t: string) => `\n\n${"#".repeat(Number(n))} ${t.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim()}\n\n`)
    .replace(/<li\b[^>]*>/gi, "\n- ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<(td|th)\b[^>]*>/gi, " ")
    .replace(/<a\b[^>]*href\s*=\s*["'](https?:\/\/[^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_m, url: string, t: string) => {
      const label = t.replace(/<[^>]*>/g, "").trim();
      return label && label !== url ? `${label} (${url})` : url;
    })
    .replace(new RegExp(`</?(${BLOCK})\\b[^>]*>`, "gi"), "\n\n")
    .replace(/<[^>]*>/g, "");
  const lines = decodeEntities(s)
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim());
  const text = collapse(lines.join("\n").replace(/\n-\s*\n+/g, "\n- "));
  const title = docTitle ? decodeEntities(docTitle.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim() || null : null;
  return { text, title: title ?? (/^# (.+)$/m.exec(text)?.[1] ?? null) };
}

/**
 * PDF text comes line by line as laid out on the page: lines of one paragraph are joined, a word
 * hyphenated at a line end is rejoined, and short lines without a final full stop followed by a
 * capitalised line are kept apart (headings, list items).
 */
export function tidyPdfText(pages: string[]): string {
  const paragraphs: string[] = [];
  for (const page of pages) {
    let current = "";
    for (const raw of page.replace(/\r\n?/g, "\n").split("\n")) {
      const line = raw.replace(/\s+/g, " ").trim();
      if (!line) {
        if (current) paragraphs.push(current);
        current = "";
        continue;
      }
      if (!current) {
        current = line;
        continue;
      }
      const endsSentence = /[.!?:;]["'”)]?$/.test(current);
      const startsLower = /^[\p{Ll}\d(]/u.test(line);
      const bullet = /^([-•*–]|\d+[.)])\s/.test(line);
      const shortLine = current.length < 60;
      if (/\p{L}-$/u.test(current) && startsLower) current = current.slice(0, -1) + line;
      else if (bullet || (endsSentence && !startsLower) || (shortLine && !endsSentence && !startsLower && !/,$/.test(current))) {
        paragraphs.push(current);
        current = line.replace(/^[•–*]\s/, "- ");
      } else current += ` ${line}`;
    }
    if (current) paragraphs.push(current);
  }
  return collapse(paragraphs.join("\n\n"));
}
