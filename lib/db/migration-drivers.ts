// Raw connections used only by the migration runner (lib/db/migrate.ts): one per provider, each
// creating _prisma_migrations with exactly Prisma Migrate's DDL and writing rows the way Prisma's
// schema engine does, so `prisma migrate deploy/status` on a machine with the engine binary sees
// the same history.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { MigrationFile } from "./migrations-dir";
import type { DbKind } from "./target";

export interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished: boolean;
  rolledBack: boolean;
}

export interface MigrationDriver {
  readonly kind: DbKind;
  /** Held for the whole run where the database offers a session lock (PostgreSQL). */
  lock(): Promise<void>;
  ensureTable(): Promise<void>;
  rows(): Promise<MigrationRow[]>;
  /** Applies one migration in one transaction. False when another process applied it first. */
  apply(m: MigrationFile): Promise<boolean>;
  close(): Promise<void>;
}

// Verbatim from prisma-engines (schema-engine/connectors/sql-schema-connector/src/flavour/*.rs).
const SQLITE_DDL = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

const POSTGRES_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

/** The key Prisma Migrate itself locks, so this runner and `prisma migrate deploy` exclude each other. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function openSqliteDriver(file: string): MigrationDriver {
  if (file === ":memory:") throw new Error("An in-memory SQLite database cannot be shared; use a file: URL");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  // Prisma's SQLite scripts rebuild tables (create new, copy, drop old, rename). With foreign keys
  // on, dropping the old parent would cascade-delete children, and PRAGMA foreign_keys is a no-op
  // inside a transaction — so keep them off on this connection and check before each commit.
  db.pragma("foreign_keys = OFF");

  const applied = (name: string) =>
    db
      .prepare(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      .get(name) !== undefined;

  // BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so two processes
  // starting together serialize here and the second re-reads the history inside the lock.
  const immediate = <T>(fn: () => T): T => db.transaction(fn).immediate();

  return {
    kind: "sqlite",
    async lock() {},
    async ensureTable() {
      immediate(() => {
        const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
        if (!exists) db.exec(SQLITE_DDL);
      });
    },
    async rows() {
      const rows = db
        .prepare(`SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at ASC`)
        .all() as Array<{ id: string; checksum: string; migration_name: string; finished_at: unknown; rolled_back_at: unknown }>;
      return rows.map((r) => ({ ...r, finished: r.finished_at !== null, rolledBack: r.rolled_back_at !== null }));
    },
    async apply(m) {
      return immediate(() => {
        if (applied(m.name)) return false;
        const id = randomUUID();
        // Prisma's SQLite connector stores DateTime as unix milliseconds.
        db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`).run(
          id,
          m.checksum,
          m.name,
          Date.now(),
        );
        db.exec(m.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) throw new Error(`migration ${m.name} leaves ${violations.length} foreign key violation(s)`);
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
        return true;
      });
    },
    async close() {
      db.close();
    },
  };
}

export async function openPostgresDriver(url: string): Promise<MigrationDriver> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let locked = false;
  return {
    kind: "postgres",
    async lock() {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      locked = true;
    },
    async ensureTable() {
      const { rows } = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`);
      if (!rows[0].exists) await client.query(POSTGRES_DDL);
    },
    async rows() {
      const { rows } = await client.query(
        `SELECT id, checksum, migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at ASC`,
      );
      return rows.map((r) => ({ ...r, finished: r.finished_at !== null, rolledBack: r.rolled_back_at !== null }));
    },
    async apply(m) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, m.checksum, m.name],
        );
        await client.query(m.sql);
        await client.query(`UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
        return true;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
    },
    async close() {
      try {
        if (locked) await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
      } finally {
        await client.end();
      }
    },
  };
}
