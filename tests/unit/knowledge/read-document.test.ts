// Reading uploaded documents: each format becomes clean text with headings, a title and a
// language, split into passages; unusable files are refused with a message naming the file and
// what to do.
import { describe, expect, it } from "vitest";
import { readDocumentFile, readDocumentText } from "@/lib/knowledge/read-document";
import { makePdf } from "@/tests/support/pdf";

const opts = { maxBytes: 64 * 1024, defaultLanguage: "en" };
const file = (fileName: string, text: string | Uint8Array) => ({ fileName, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text });

async function ok(fileName: string, content: string | Uint8Array) {
  const r = await readDocumentFile(file(fileName, content), opts);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

async function refused(fileName: string, content: string | Uint8Array, o = opts) {
  const r = await readDocumentFile(file(fileName, content), o);
  if (r.ok) throw new Error(`${fileName} was accepted`);
  return r;
}

describe("reading documents", () => {
  it("reads Markdown: front-matter title, headings kept, links and emphasis unwrapped, tables as lines", async () => {
    const d = await ok("gift.md", `---\ntitle: Gift wrapping\n---\n# Wrapping\n\nWe **wrap** any order for *$3.50*. See [the page](https://shop.example/wrap).\n\n| Paper | Price |\n|---|---|\n| Red | $3.50 |\n`);
    expect(d.title).toBe("Gift wrapping");
    expect(d.format).toBe("markdown");
    expect(d.text).toContain("# Wrapping");
    expect(d.text).toContain("We wrap any order for $3.50. See the page (https://shop.example/wrap).");
    expect(d.text).toContain("Red — $3.50");
    expect(d.passages[0]).toMatchObject({ heading: "Wrapping" });
  });

  it("reads HTML: scripts, styles and navigation dropped, entities decoded, the <title> as title", async () => {
    const d = await ok("returns.html", `<html><head><title>Returns &amp; refunds</title><style>p{}</style></head><body><nav>Home Shop Blog</nav><h1>Returns</h1><p>You have <b>30&nbsp;days</b> to return an item.</p><ul><li>Unused</li><li>In its box</li></ul><script>track()</script></body></html>`);
    expect(d.title).toBe("Returns & refunds");
    expect(d.text).toContain("You have 30 days to return an item.");
    expect(d.text).toContain("- Unused\n- In its box");
    expect(d.text).not.toMatch(/track|Home Shop|p\{\}/);
  });

  it("reads plain text and detects its language", async () => {
    const d = await ok("urgencias.txt", "Urgencias\n\nSi tienes un dolor fuerte o un diente roto llama al 600 123 456. Atendemos también los sábados de 10 a 14 h.");
    expect(d.language).toBe("es");
    expect(d.title).toBe("Urgencias");
    expect(d.passages.map((p) => p.text).join(" ")).toContain("600 123 456");
  });

  it("reads the text of a PDF, rejoining lines of a paragraph", async () => {
    const d = await ok("policy.pdf", makePdf([["Warranty policy", "Every product has a two year warranty against", "manufacturing defects. Claims take 3 days."], ["Second page: repairs cost $25."]]));
    expect(d.format).toBe("pdf");
    expect(d.text).toContain("Every product has a two year warranty against manufacturing defects.");
    expect(d.text).toContain("repairs cost $25.");
  });

  it("splits long documents into passages under their headings", async () => {
    const para = (n: number) => Array.from({ length: 60 }, (_, i) => `word${n}x${i}`).join(" ") + ".";
    const d = await ok("long.md", `# A\n\n${para(1)}\n\n${para(2)}\n\n${para(3)}\n\n# B\n\n${para(4)}`);
    expect(d.passages.length).toBeGreaterThanOrEqual(3);
    expect(d.passages.at(-1)).toMatchObject({ heading: "B" });
    expect(new Set(d.passages.map((p) => p.heading))).toEqual(new Set(["A", "B"]));
  });

  it("refuses an empty file", async () => {
    expect(await refused("empty.md", "")).toMatchObject({ code: "empty", message: expect.stringContaining("empty.md is empty") });
  });

  it("refuses a file over the size limit, stating both sizes", async () => {
    const r = await refused("big.txt", "word ".repeat(20_000), { ...opts, maxBytes: 50_000 });
    expect(r.code).toBe("too_large");
    expect(r.message).toMatch(/big\.txt is 98 KB; the limit is 49 KB/);
  });

  it("refuses binary files, naming Office documents and images", async () => {
    expect(await refused("manual.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ code: "binary", message: expect.stringContaining("manual.docx is a Word document") });
    expect(await refused("photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toMatchObject({ code: "binary", message: expect.stringContaining("an image") });
    expect(await refused("data.bin", new Uint8Array([1, 0, 2, 0, 3, 0, 65, 66]))).toMatchObject({ code: "binary" });
  });

  it("refuses a PDF with no text (a scan) and a damaged PDF", async () => {
    expect(await refused("scan.pdf", makePdf([[], []]))).toMatchObject({ code: "pdf_no_text", message: expect.stringContaining("scan.pdf has no text that can be read (2 pages") });
    expect(await refused("broken.pdf", "this is not a PDF at all, only a name")).toMatchObject({ code: "pdf_unreadable", message: expect.stringContaining("broken.pdf could not be read as a PDF") });
  });

  it("refuses files with no readable text and unsupported kinds", async () => {
    expect(await refused("blank.html", "<html><body><div> </div><script>x()</script></body></html>")).toMatchObject({ code: "no_text" });
    expect(await refused("sheet.csv", "a,b\n1,2\n")).toMatchObject({ code: "unsupported" });
  });

  it("reads the API's JSON content as Markdown or HTML", () => {
    const r = readDocumentText({ title: "Gift wrapping", content: "We wrap any order in recycled paper for $3.50.", url: "https://shop.example/wrap" }, opts);
    expect(r).toMatchObject({ ok: true, document: { title: "Gift wrapping", url: "https://shop.example/wrap", format: "markdown" } });
    expect(readDocumentText({ title: "x", content: "   " }, opts)).toMatchObject({ ok: false, code: "empty" });
    expect(readDocumentText({ title: "x", content: "a\u0000b c d e f" }, opts)).toMatchObject({ ok: false, code: "binary" });
  });
});
