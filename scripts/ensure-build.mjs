// Builds the Next.js app when there is no build yet or the sources changed since the last one,
// so `npm start` on a fresh clone (or after a pull) needs no separate build step.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildWidget } from "./build-widget.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const stampFile = path.join(root, ".next", "faqbot-build-hash");
const inputs = ["app", "components", "lib", "widget", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function walk(p, hash) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return;
  const stat = fs.statSync(full);
  if (stat.isDirectory()) {
    if (p.endsWith(path.join("db", "generated"))) return; // build output of postinstall
    for (const name of fs.readdirSync(full).sort()) walk(path.join(p, name), hash);
  } else {
    hash.update(p);
    // The widget loader is rebuilt on every run (esbuild, milliseconds): only its presence counts.
    if (p !== path.join("public", "widget.js")) hash.update(fs.readFileSync(full));
  }
}

export function sourceHash() {
  const hash = createHash("sha256");
  for (const p of inputs) walk(p, hash);
  return hash.digest("hex");
}

await buildWidget();
const current = sourceHash();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (built !== current || process.argv.includes("--force")) {
  console.log(built ? "Sources changed since the last build: building the web app…" : "First start: building the web app (about a minute)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stampFile, current);
}
