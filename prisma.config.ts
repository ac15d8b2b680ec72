// Prisma CLI configuration, for machines that have Prisma's schema-engine binary and want the
// stock commands (`prisma migrate deploy`, `prisma migrate status`, `prisma studio`). DATABASE_URL
// picks the provider exactly as the app does (lib/db/target.ts). The app itself never needs the
// CLI: it applies the same migration folders at start-up (lib/db/migrate.ts).
import { defineConfig } from "prisma/config";
import { parseEnv } from "./lib/env";
import { resolveDbTarget } from "./lib/db/target";

function target() {
  try {
    const e = parseEnv(process.env);
    return resolveDbTarget(e.DATABASE_URL, e.dataDir);
  } catch {
    // Never break `prisma generate` (npm postinstall) over an unrelated configuration problem.
    return resolveDbTarget("", "data");
  }
}

const t = target();

export default defineConfig(
  t.kind === "postgres"
    ? { schema: "prisma/postgres/schema.prisma", migrations: { path: "prisma/migrations/postgres" }, datasource: { url: t.url } }
    : { schema: "prisma/schema.prisma", migrations: { path: "prisma/migrations/sqlite" }, datasource: { url: `file:${t.file}` } },
);
