// Isolated databases for tests. SQLite: a file in a fresh temp folder. PostgreSQL: a new database
// `faqbot_t_<random>` on the server at TEST_POSTGRES_URL (default
// postgres://postgres@127.0.0.1:5432/test), dropped again in cleanup().
//
// Which providers a test file runs against: `await testDbKinds()` → always "sqlite", plus
// "postgres" when that server answers. When it does not: with CI=true the suite fails (CI must
// cover PostgreSQL); locally the PostgreSQL cases are left out with a printed warning.
// (Test-harness settings, so read here rather than through lib/env.)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db, type DbKind } from "@/lib/db";
import type { MigrateLogger } from "@/lib/db/migrate";
import { resolveDbTarget, type DbTarget } from "@/lib/db/target";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";

export const silentLog: MigrateLogger = { info: () => {}, warn: () => {} };

let pgReachable: Promise<boolean> | undefined;

export function postgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgReachable;
}

export async function testDbKinds(): Promise<DbKind[]> {
  if (await postgresReachable()) return ["sqlite", "postgres"];
  if (process.env.CI === "true") throw new Error(`PostgreSQL is unreachable at ${TEST_POSTGRES_URL} and CI=true: PostgreSQL tests must run in CI.`);
  console.warn(`[tests] PostgreSQL unreachable at ${TEST_POSTGRES_URL}: running database tests on SQLite only.`);
  return ["sqlite"];
}

export interface EmptyTestDatabase {
  kind: DbKind;
  url: string;
  target: DbTarget;
  cleanup(): Promise<void>;
}

/** A new, empty database (no tables) — for tests of the migration runner itself. */
export async function createEmptyTestDatabase(kind: DbKind): Promise<EmptyTestDatabase> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-db-"));
    const url = `file:${path.join(dir, "test.db")}`;
    return { kind, url, target: resolveDbTarget(url, dir), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `faqbot_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const u = new URL(TEST_POSTGRES_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    kind,
    url,
    target: resolveDbTarget(url, os.tmpdir()),
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface TestDb {
  db: Db;
  kind: DbKind;
  url: string;
  /** Disconnects the client and deletes the database. */
  cleanup(): Promise<void>;
}

/** A fresh, migrated database for one test file, with its own client. */
export async function createTestDb(kind: DbKind, opts: { migrationsDir?: string } = {}): Promise<TestDb> {
  const empty = await createEmptyTestDatabase(kind);
  try {
    const db = await createDb({ url: empty.url, migrationsDir: opts.migrationsDir, log: silentLog });
    return {
      db,
      kind,
      url: empty.url,
      cleanup: async () => {
        await db.$disconnect();
        await empty.cleanup();
      },
    };
  } catch (err) {
    await empty.cleanup();
    throw err;
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
