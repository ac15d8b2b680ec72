// Bundles the embeddable loader (widget/loader.ts) into public/widget.js with esbuild and prints
// its gzipped size: the loader is fetched by every page of every customer site, so it must stay
// small (target < 15 kB gzipped). Run by scripts/ensure-build.mjs before `next build`.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const outfile = path.join(root, "public", "widget.js");
const LIMIT = 15 * 1024;

export async function buildWidget({ quiet = false } = {}) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(root, "widget", "loader.ts")],
    outfile,
    bundle: true,
    minify: true,
    format: "iife",
    // Host pages run every browser of the last years; no polyfills, just syntax lowering.
    target: ["es2019", "chrome80", "firefox78", "safari13"],
    legalComments: "none",
    logLevel: "warning",
  });
  const code = fs.readFileSync(outfile);
  const gz = gzipSync(code, { level: 9 }).length;
  if (!quiet) console.log(`widget.js: ${code.length} bytes, ${gz} bytes gzipped (${(gz / 1024).toFixed(2)} kB; limit ${LIMIT / 1024} kB)`);
  if (gz > LIMIT) throw new Error(`widget.js is ${gz} bytes gzipped, over the ${LIMIT}-byte budget`);
  return { bytes: code.length, gzipped: gz };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWidget().catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
