// Our runner and Prisma Migrate share one history: Prisma's own schema engine (the wasm build of
// what `prisma migrate deploy` runs) must read a database migrated by lib/db/migrate.ts as up to
// date, and our runner must accept a database that Prisma migrated.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { defaultMigrationsDir, type DbKind, type DbTarget } from "@/lib/db/target";
import { openSchemaEngine } from "@/lib/db/tooling/schema-engine";
import { createEmptyTestDatabase, silentLog, testDbKinds } from "@/tests/support/db";

const kinds = await testDbKinds();
const filters = { externalTables: [], externalEnums: [] };

function migrationsList(kind: DbKind) {
  const dir = defaultMigrationsDir(kind);
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

const prismaEngine = (target: DbTarget) =>
  openSchemaEngine(target.kind === "sqlite" ? new PrismaBetterSqlite3({ url: target.file }) : new PrismaPg({ connectionString: target.url }));

describe.each(kinds)("Prisma Migrate compatibility on %s", (kind) => {
  const toClean: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of toClean.splice(0)) await c();
  });

  it("Prisma's engine sees a database migrated by our runner as up to date", async () => {
    const e = await createEmptyTestDatabase(kind);
    toClean.push(e.cleanup);
    await migrate(e.target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog });

    const { engine, close } = await prismaEngine(e.target);
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(kind), optInToShadowDatabase: false, filters });
      expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], hasMigrationsTable: true, history: null });
      expect((await engine.applyMigrations({ migrationsList: migrationsList(kind), filters })).appliedMigrationNames).toEqual([]);
    } finally {
      await close();
    }
  });

  it("our runner applies nothing on a database Prisma's engine migrated", async () => {
    const e = await createEmptyTestDatabase(kind);
    toClean.push(e.cleanup);
    const { engine, close } = await prismaEngine(e.target);
    try {
      const applied = await engine.applyMigrations({ migrationsList: migrationsList(kind), filters });
      expect(applied.appliedMigrationNames.length).toBeGreaterThan(0);
    } finally {
      await close();
    }
    expect(await migrate(e.target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog })).toEqual([]);
  });
});
