// npm postinstall: derive prisma/postgres/schema.prisma from prisma/schema.prisma, then generate
// both Prisma clients (lib/db/generated/{sqlite,postgres}). `--sync-only` stops after the schema.
// Plain Node ESM: runs on a fresh clone before anything else is built.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "../lib/db/tooling/postgres-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgres", "schema.prisma");

const derived = derivePostgresSchema(fs.readFileSync(source, "utf8"));
fs.mkdirSync(path.dirname(pgSchema), { recursive: true });
if (!fs.existsSync(pgSchema) || fs.readFileSync(pgSchema, "utf8") !== derived) {
  fs.writeFileSync(pgSchema, derived);
  console.log("prisma-generate: wrote prisma/postgres/schema.prisma");
}
if (process.argv.includes("--sync-only")) process.exit(0);

// `prisma generate` only needs the schema engine's path to exist (it cannot download the binary
// offline); any executable will do since generation itself runs in wasm.
const childEnv = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!fs.existsSync(cli)) {
  console.warn("prisma-generate: the prisma CLI is not installed; skipping client generation");
  process.exit(0);
}
for (const schema of [source, pgSchema]) {
  const r = spawnSync(process.execPath, [cli, "generate", "--schema", schema], { cwd: root, env: childEnv, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`prisma-generate: \`prisma generate --schema ${path.relative(root, schema)}\` failed`);
    process.exit(r.status ?? 1);
  }
}
