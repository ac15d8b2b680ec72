// The migration runner against real SQLite files and real PostgreSQL databases: fresh install,
// restart, upgrade with a new migration, edited history, failed migration, two processes at once.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, type MigrateLogger } from "@/lib/db/migrate";
import { defaultMigrationsDir, type DbKind, type DbTarget } from "@/lib/db/target";
import { currentDatamodel } from "@/lib/db/tooling/migrations";
import { diffDatamodels } from "@/lib/db/tooling/schema-engine";
import { createDb } from "@/lib/db";
import { createEmptyTestDatabase, silentLog, testDbKinds, type EmptyTestDatabase } from "@/tests/support/db";

const kinds = await testDbKinds();

interface Row {
  migration_name: string;
  checksum: string;
  finished: boolean;
  rolled_back_at: unknown;
  applied_steps_count: number;
}

async function query(target: DbTarget, sql: string): Promise<Record<string, unknown>[]> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function history(target: DbTarget): Promise<Row[]> {
  const rows = await query(
    target,
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
  );
  return rows.map((r) => ({ ...r, finished: Boolean(r.finished), applied_steps_count: Number(r.applied_steps_count) }) as Row);
}

async function tableExists(target: DbTarget, table: string): Promise<boolean> {
  const sql =
    target.kind === "sqlite"
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
      : `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${table}'`;
  return (await query(target, sql)).length === 1;
}

/** A scratch copy of the committed migrations, to add or edit migrations in. */
function copyMigrations(kind: DbKind): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-migrations-"));
  fs.cpSync(defaultMigrationsDir(kind), dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

function recordingLog(): MigrateLogger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, info: (m) => infos.push(m), warn: (m) => warnings.push(m) };
}

const committed = (kind: DbKind) =>
  fs
    .readdirSync(defaultMigrationsDir(kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

describe.each(kinds)("migrations on %s", (kind) => {
  const toClean: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of toClean.splice(0)) await c();
  });

  async function emptyDb(): Promise<EmptyTestDatabase> {
    const d = await createEmptyTestDatabase(kind);
    toClean.push(d.cleanup);
    return d;
  }

  it("applies every committed migration to an empty database, recording Prisma-compatible rows", async () => {
    const { target } = await emptyDb();
    const applied = await migrate(target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog });
    expect(applied).toEqual(committed(kind));
    expect(await tableExists(target, "Tenant")).toBe(true);
    expect(await tableExists(target, "Message")).toBe(true);

    const rows = await history(target);
    expect(rows.map((r) => r.migration_name)).toEqual(committed(kind));
    for (const r of rows) {
      const file = fs.readFileSync(path.join(defaultMigrationsDir(kind), r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(r.finished).toBe(true);
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing when run again (a restart)", async () => {
    const { target } = await emptyDb();
    await migrate(target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog });
    const log = recordingLog();
    expect(await migrate(target, { migrationsDir: defaultMigrationsDir(kind), log })).toEqual([]);
    expect(log.warnings).toEqual([]);
    expect((await history(target)).length).toBe(committed(kind).length);
  });

  it("applies only a new migration to an existing database", async () => {
    const { target } = await emptyDb();
    const dir = copyMigrations(kind);
    toClean.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await migrate(target, { migrationsDir: dir, log: silentLog });

    addMigration(dir, "29990101000000_add_extra", `CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY, "note" TEXT);\n`);
    const log = recordingLog();
    expect(await migrate(target, { migrationsDir: dir, log })).toEqual(["29990101000000_add_extra"]);
    expect(log.infos.join("\n")).toContain("applying migration 29990101000000_add_extra");
    expect(await tableExists(target, "Extra")).toBe(true);
    expect((await history(target)).map((r) => r.migration_name)).toEqual([...committed(kind), "29990101000000_add_extra"]);
  });

  it("warns about an applied migration whose file was edited, and does not re-apply it", async () => {
    const { target } = await emptyDb();
    const dir = copyMigrations(kind);
    toClean.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await migrate(target, { migrationsDir: dir, log: silentLog });

    const first = committed(kind)[0];
    fs.appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited after the fact\n");
    const log = recordingLog();
    expect(await migrate(target, { migrationsDir: dir, log })).toEqual([]);
    expect(log.warnings.join("\n")).toMatch(new RegExp(`${first}.*edited`));
  });

  it("rolls back a failing migration completely and applies it once fixed", async () => {
    const { target } = await emptyDb();
    const dir = copyMigrations(kind);
    toClean.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    await migrate(target, { migrationsDir: dir, log: silentLog });

    const name = "29990101000000_broken";
    addMigration(dir, name, `CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "NoSuchTable" VALUES (1);\n`);
    await expect(migrate(target, { migrationsDir: dir, log: silentLog })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect(await tableExists(target, "Half")).toBe(false);
    expect((await history(target)).map((r) => r.migration_name)).not.toContain(name);

    fs.writeFileSync(path.join(dir, name, "migration.sql"), `CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\n`);
    expect(await migrate(target, { migrationsDir: dir, log: silentLog })).toEqual([name]);
    expect(await tableExists(target, "Half")).toBe(true);
  });

  it("keeps existing rows and their children when a migration rebuilds a parent table", async () => {
    const e = await emptyDb();
    const dir = copyMigrations(kind);
    toClean.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const db = await createDb({ url: e.url, migrationsDir: dir, log: silentLog });
    try {
      const tenant = await db.tenant.create({ data: { name: "T", slug: "t", widgetKey: "pk_t" } });
      const visitor = await db.visitor.create({ data: { tenantId: tenant.id } });
      const conv = await db.conversation.create({ data: { tenantId: tenant.id, visitorId: visitor.id } });
      await db.message.create({ data: { tenantId: tenant.id, conversationId: conv.id, role: "customer", text: "hi", seq: 1 } });
    } finally {
      await db.$disconnect();
    }
    // On SQLite, adding a column with a default to Conversation (Message's cascading parent) is a
    // table rebuild: create new, copy, DROP the old one, rename.
    const root = path.resolve(defaultMigrationsDir(kind), "..", "..", "..");
    const before = currentDatamodel(root, kind);
    const after = before.replace(/(model Conversation \{\n)/, "$1  channel String @default(\"web\")\n");
    addMigration(dir, "29990101000000_conversation_channel", await diffDatamodels(kind, before, after));
    expect(await migrate(e.target, { migrationsDir: dir, log: silentLog })).toEqual(["29990101000000_conversation_channel"]);

    expect(await query(e.target, `SELECT "channel" FROM "Conversation"`)).toEqual([{ channel: "web" }]);
    expect((await query(e.target, `SELECT "text" FROM "Message"`)).map((r) => r.text)).toEqual(["hi"]);
  });

  it("applies each migration exactly once when two runners start together", async () => {
    const { target } = await emptyDb();
    const [a, b] = await Promise.all([
      migrate(target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog }),
      migrate(target, { migrationsDir: defaultMigrationsDir(kind), log: silentLog }),
    ]);
    expect([...a, ...b].sort()).toEqual(committed(kind));
    expect((await history(target)).map((r) => r.migration_name)).toEqual(committed(kind));
  });

  it("applies each migration exactly once when two processes start together", async () => {
    const { url, target } = await emptyDb();
    const child = path.join(path.dirname(new URL(import.meta.url).pathname), "migrate-child.ts");
    const run = () =>
      new Promise<string[]>((resolve, reject) => {
        const p = spawn(process.execPath, ["--import", "tsx", child, url], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        p.stdout.on("data", (d) => (out += d));
        p.stderr.on("data", (d) => (err += d));
        p.on("error", reject);
        p.on("close", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect([...a, ...b].sort()).toEqual(committed(kind));
    expect((await history(target)).map((r) => r.migration_name)).toEqual(committed(kind));
  });
});
