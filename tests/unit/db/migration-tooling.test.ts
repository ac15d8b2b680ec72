// Authoring migrations offline: a schema change yields SQL for both providers, no change is
// refused, and the drift check notices a change without a migration or a hand-edited copy.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkSchemas, createMigration, migrationFolderName } from "@/lib/db/tooling/migrations";
import { derivePostgresSchema } from "@/lib/db/tooling/postgres-schema.mjs";
import { quoteSqliteJsonDefaults } from "@/lib/db/tooling/schema-engine";
import { resolveDbTarget } from "@/lib/db/target";

const repo = fileURLToPath(new URL("../../..", import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

/** A scratch project holding a copy of prisma/ (schema, PostgreSQL copy, migrations). */
function scratchRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-prisma-"));
  roots.push(root);
  fs.cpSync(path.join(repo, "prisma"), path.join(root, "prisma"), { recursive: true });
  return root;
}

const schemaFile = (root: string) => path.join(root, "prisma", "schema.prisma");
const syncPostgresCopy = (root: string) =>
  fs.writeFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), derivePostgresSchema(fs.readFileSync(schemaFile(root), "utf8")));

describe("db:migration and db:check", () => {
  it("writes a migration for both providers from a schema change, then reports no drift", async () => {
    const root = scratchRoot();
    fs.writeFileSync(schemaFile(root), fs.readFileSync(schemaFile(root), "utf8").replace(/(model Rating \{\n)/, "$1  source String @default(\"widget\")\n"));
    syncPostgresCopy(root);
    expect((await checkSchemas(root)).join("\n")).toMatch(/changed without a migration for sqlite[\s\S]*changed without a migration for postgres/);

    const files = await createMigration(root, "Add rating source", new Date("2031-02-03T04:05:06Z"));
    expect(files.map((f) => path.relative(root, f))).toEqual([
      path.join("prisma", "migrations", "sqlite", "20310203040506_add_rating_source", "migration.sql"),
      path.join("prisma", "migrations", "postgres", "20310203040506_add_rating_source", "migration.sql"),
    ]);
    const [sqlite, postgres] = files.map((f) => fs.readFileSync(f, "utf8"));
    expect(sqlite).toMatch(/"source" TEXT NOT NULL DEFAULT 'widget'/);
    expect(postgres).toMatch(/ALTER TABLE "Rating" ADD COLUMN\s+"source" TEXT NOT NULL DEFAULT 'widget'/);
    expect(await checkSchemas(root)).toEqual([]);
  });

  it("refuses to write a migration when nothing changed", async () => {
    const root = scratchRoot();
    await expect(createMigration(root, "nothing")).rejects.toThrow(/no change since the last migration/);
  });

  it("flags a hand-edited PostgreSQL schema copy", async () => {
    const root = scratchRoot();
    fs.appendFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), "\n// edited\n");
    expect((await checkSchemas(root)).join("\n")).toMatch(/prisma\/postgres\/schema.prisma is stale/);
  });

  it("names migration folders as Prisma does", () => {
    expect(migrationFolderName("Add FAQ tags!", new Date("2030-12-31T23:59:58.900Z"))).toBe("20301231235958_add_faq_tags");
    expect(() => migrationFolderName("  !! ", new Date())).toThrow(/name/);
  });
});

describe("PostgreSQL schema derivation", () => {
  it("changes only the provider and the client output, under a do-not-edit header", () => {
    const source = fs.readFileSync(path.join(repo, "prisma", "schema.prisma"), "utf8");
    const derived = derivePostgresSchema(source);
    expect(derived).toMatch(/^\/\/ generated — do not edit/);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output       = "../../lib/db/generated/postgres"');
    expect(derived.split("\n").filter((l) => !source.includes(l)).length).toBeLessThanOrEqual(4);
  });

  it("fails loudly when the source no longer looks as expected", () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "postgresql"\n}\n')).toThrow(/datasource provider "sqlite"/);
  });
});

describe("SQLite Json defaults (prisma/orm#26571)", () => {
  it("quotes JSON default literals, including nested ones with commas and quotes", () => {
    const sql = `"a" JSONB NOT NULL DEFAULT [],\n"b" JSONB NOT NULL DEFAULT ["en","es"],\n"c" JSONB NOT NULL DEFAULT {"k":"it's, [x]"}\n`;
    expect(quoteSqliteJsonDefaults(sql)).toBe(
      `"a" JSONB NOT NULL DEFAULT '[]',\n"b" JSONB NOT NULL DEFAULT '["en","es"]',\n"c" JSONB NOT NULL DEFAULT '{"k":"it''s, [x]"}'\n`,
    );
  });

  it("leaves already quoted defaults and other columns alone", () => {
    const sql = `"a" JSONB NOT NULL DEFAULT '[]',\n"b" TEXT NOT NULL DEFAULT 'x'\n`;
    expect(quoteSqliteJsonDefaults(sql)).toBe(sql);
  });
});

describe("DATABASE_URL", () => {
  it("maps empty, file: and postgres URLs to a provider", () => {
    expect(resolveDbTarget("", "/srv/data")).toEqual({ kind: "sqlite", file: path.join("/srv/data", "faqbot.db") });
    expect(resolveDbTarget("file:/var/lib/faq.db?connection_limit=1", "x")).toEqual({ kind: "sqlite", file: "/var/lib/faq.db" });
    expect(resolveDbTarget("postgresql://u@h:5432/db", "x")).toEqual({ kind: "postgres", url: "postgresql://u@h:5432/db" });
    expect(() => resolveDbTarget("mysql://u@h/db", "x")).toThrow(/DATABASE_URL/);
  });
});
