// The project's import graph, read from the source text (no bundler): every import of every
// TypeScript file under lib/, app/, components/ and widget/, resolved to a file, with type-only imports
// marked (they vanish at run time, so they neither make cycles nor pull server code in).
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../../..");
const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];

export interface ImportEdge {
  /** Resolved project-relative file, or the bare specifier for packages and node builtins. */
  target: string;
  specifier: string;
  typeOnly: boolean;
}

export interface SourceFile {
  file: string;
  text: string;
  imports: ImportEdge[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel === "lib/db/generated" || entry.name === "node_modules") continue;
      walk(rel, out);
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
}

function resolve(from: string, specifier: string): string {
  let base: string | null = null;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (base === null) return specifier;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => `${base}/index${e}`)]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return base;
}

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function parseImports(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const specifier = m[4] ?? m[5] ?? m[6];
    let typeOnly = Boolean(m[2]);
    // `import { type A, type B } from` is type-only too.
    if (!typeOnly && m[3]) {
      const names = m[3].replace(/^\{|\}$/g, "").trim();
      const braces = /^\{([^}]*)\}$/.exec(m[3].trim());
      if (braces) {
        const parts = braces[1].split(",").map((p) => p.trim()).filter(Boolean);
        typeOnly = parts.length > 0 && parts.every((p) => p.startsWith("type "));
      } else if (!names) typeOnly = false;
    }
    edges.push({ specifier, target: resolve(file, specifier), typeOnly });
  }
  return edges;
}

let cache: Map<string, SourceFile> | undefined;

export function sourceFiles(): Map<string, SourceFile> {
  if (cache) return cache;
  const files: string[] = [];
  for (const dir of ["lib", "app", "components", "widget"]) walk(dir, files);
  cache = new Map(
    files.map((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      return [file, { file, text, imports: parseImports(file, text) }];
    }),
  );
  return cache;
}

/** Files reachable from `start` through run-time (non type-only) imports, `start` included. */
export function reachable(start: string, stopAt: (file: string) => boolean = () => false): Set<string> {
  const files = sourceFiles();
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length) {
    const f = todo.pop()!;
    if (stopAt(f) && f !== start) continue;
    for (const e of files.get(f)?.imports ?? []) {
      if (e.typeOnly || !files.has(e.target) || seen.has(e.target)) continue;
      seen.add(e.target);
      todo.push(e.target);
    }
  }
  return seen;
}

/** Strongly connected components with more than one file (or a file importing itself). */
export function importCycles(include: (file: string) => boolean): string[][] {
  const files = sourceFiles();
  const nodes = [...files.keys()].filter(include);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  const next = (f: string) => files.get(f)!.imports.filter((e) => !e.typeOnly && include(e.target) && files.has(e.target)).map((e) => e.target);
  const strong = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || next(v).includes(v)) cycles.push(scc.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) strong(n);
  return cycles;
}
