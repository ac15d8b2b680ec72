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

// One build at a time: two `npm start`s, or test runs, in the same checkout would otherwise write
// into the same .next directory at once. The lock file holds the builder's pid; a lock left by a
// process that no longer runs is taken over.
const lockFile = path.join(root, ".next-build.lock");
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
async function lock() {
  let waited = false;
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const pid = Number(fs.readFileSync(lockFile, "utf8").trim() || "0");
      if (!pid || !alive(pid)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      if (!waited) console.log(`Another build (pid ${pid}) is running in this checkout: waiting for it…`);
      waited = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
await lock();
process.on("exit", () => {
  if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.rmSync(lockFile, { force: true });
});

await buildWidget();
const current = sourceHash();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (built !== current || process.argv.includes("--force")) {
  console.log(built ? "Sources changed since the last build: building the web app…" : "First start: building the web app (about a minute)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.writeFileSync(stampFile, current);
}
