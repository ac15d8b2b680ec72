// Builds a Prisma client for a target (SQLite through better-sqlite3, PostgreSQL through pg),
// after bringing the database up to date with the committed migrations.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { migrate, type MigrateLogger } from "./migrate";
import { omitSecrets } from "./secrets";
import { defaultMigrationsDir, resolveDbTarget, type DbKind, type DbTarget } from "./target";
import { SQLITE_BUSY_TIMEOUT_MS } from "./migration-drivers";

/** The application's database client. Both providers' generated clients have this same API. */
export type Db = SqliteClient<never, typeof omitSecrets>;

export interface CreateDbOptions {
  /** DATABASE_URL syntax: "" (SQLite under dataDir), "file:…" or "postgres://…". */
  url: string;
  dataDir?: string;
  /** Defaults to prisma/migrations/<provider> under the working directory. */
  migrationsDir?: string;
  /** false: open the client without applying migrations (tools that inspect a database). */
  migrate?: boolean;
  log?: MigrateLogger;
}

const kinds = new WeakMap<object, DbKind>();
const targets = new WeakMap<object, DbTarget>();

/** Where a client's database lives, for the one path that talks to the driver directly (lib/chat/message-writer.ts). */
export function dbTarget(db: Db): DbTarget {
  const target = targets.get(db);
  if (!target) throw new Error("dbTarget: not a client created by lib/db");
  return target;
}

/** The provider behind a client, for the rare provider-specific SQL. */
export function dbKind(db: Db): DbKind {
  const kind = kinds.get(db);
  if (!kind) throw new Error("dbKind: not a client created by lib/db");
  return kind;
}

// Per-connection settings: WAL lets readers work while one writer writes; NORMAL sync is safe
// with WAL (a power cut can lose the last commits, never corrupt); foreign keys enforce relations.
const SQLITE_PRAGMAS = `
PRAGMA journal_mode = WAL;
PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
`;

function sqliteAdapter(file: string) {
  const inner = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  // Apply the pragmas on every connection the client opens, not once after start.
  return {
    provider: "sqlite" as const,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

// The PostgreSQL client (its own query compiler) is loaded only when that provider is used.
export async function clientFor(target: DbTarget): Promise<Db> {
  let db: Db;
  if (target.kind === "sqlite") {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const { PrismaClient } = await import("./generated/sqlite/client");
    db = new PrismaClient({ adapter: sqliteAdapter(target.file), omit: omitSecrets });
  } else {
    // Same models and fields, generated from the same schema: only the provider differs.
    const { PrismaClient } = await import("./generated/postgres/client");
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }), omit: omitSecrets }) as unknown as Db;
  }
  kinds.set(db, target.kind);
  targets.set(db, target);
  return db;
}

/** An independent, migrated client (tests, scripts). The caller disconnects it. */
export async function createDb(opts: CreateDbOptions): Promise<Db> {
  const target = resolveDbTarget(opts.url, opts.dataDir ?? "data");
  if (opts.migrate !== false) {
    await migrate(target, { migrationsDir: opts.migrationsDir ?? defaultMigrationsDir(target.kind), log: opts.log });
  }
  const db = await clientFor(target);
  await db.$connect();
  return db;
}
