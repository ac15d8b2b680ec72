// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the SQLite source of truth).
// Plain ESM JavaScript because `npm postinstall` runs it with bare Node, before tsx is at hand;
// db-check imports the same function to detect a stale copy.

export const HEADER = [
  "// generated — do not edit. Derived from prisma/schema.prisma by scripts/prisma-generate.mjs",
  "// (`npm run db:sync-schemas`); `npm run db:check` fails when this copy is stale.",
  "",
].join("\n");

/** @param {string} sqliteSchema @returns {string} */
export function derivePostgresSchema(sqliteSchema) {
  let out = sqliteSchema.replace(/\r\n/g, "\n");
  out = replaceOnce(out, /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', "datasource provider \"sqlite\"");
  out = replaceOnce(
    out,
    /(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"\.\.\/lib\/db\/generated\/sqlite"/,
    '$1"../../lib/db/generated/postgres"',
    'generator output "../lib/db/generated/sqlite"',
  );
  return HEADER + out;
}

/** @param {string} s @param {RegExp} re @param {string} by @param {string} what */
function replaceOnce(s, re, by, what) {
  if (!re.test(s)) throw new Error(`prisma/schema.prisma: expected ${what}; the PostgreSQL schema cannot be derived`);
  return s.replace(re, by);
}
