// Splits a passage into sentences (for quoting only the ones that answer): at ".", "!", "?" or
// "…" followed by a space and a capital, digit, opening mark or list dash, and at line breaks.
// Abbreviations ("e.g.", "approx.", "Sr.", "etc.") and figures ("3.50", "10 a.m.") do not end a sentence.
const ABBREVIATIONS = new Set(
  "e.g i.e etc approx vs mr mrs ms dr st no nr p.m a.m sr sra srta dra ud uds vd vds pag pág tel núm num aprox avda av c.p ee.uu art inc ltd co".split(" "),
);

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const l = line.trim();
    if (!l) continue;
    let start = 0;
    const re = /([.!?…]+)["'”’)\]]*\s+(?=[\p{Lu}\d¿¡"“(\-–•])/gu;
    for (let m = re.exec(l); m; m = re.exec(l)) {
      const end = m.index + m[0].length;
      const before = l.slice(start, m.index + m[1].length);
      const lastWord = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase() ?? "";
      if (m[1] === "." && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
      out.push(l.slice(start, end).trim());
      start = end;
    }
    const rest = l.slice(start).trim();
    if (rest) out.push(rest);
  }
  return out;
}
