// The migration runner: applies the committed prisma/migrations/<provider>/*/migration.sql files
// that the database has not seen yet, in order, each in its own transaction, recording them in
// _prisma_migrations exactly as `prisma migrate deploy` would (no schema-engine binary needed).
import { readMigrations } from "./migrations-dir";
import { openPostgresDriver, openSqliteDriver, type MigrationDriver } from "./migration-drivers";
import type { DbTarget } from "./target";

export interface MigrateLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface MigrateOptions {
  migrationsDir: string;
  log?: MigrateLogger;
}

const consoleLogger: MigrateLogger = {
  info: (m) => console.info(`[db] ${m}`),
  warn: (m) => console.warn(`[db] ${m}`),
};

/** Applies pending migrations; returns the names applied by this call (empty when up to date). */
export async function migrate(target: DbTarget, { migrationsDir, log = consoleLogger }: MigrateOptions): Promise<string[]> {
  const files = readMigrations(migrationsDir);
  if (files.length === 0) throw new Error(`No migrations found in ${migrationsDir}`);
  const driver: MigrationDriver = target.kind === "sqlite" ? openSqliteDriver(target.file) : await openPostgresDriver(target.url);
  const applied: string[] = [];
  try {
    await driver.lock();
    await driver.ensureTable();
    const rows = (await driver.rows()).filter((r) => !r.rolledBack);

    const failed = rows.filter((r) => !r.finished);
    if (failed.length > 0) {
      // Left by `prisma migrate deploy` (this runner rolls back instead). Prisma refuses to go on
      // too: the database may be half-migrated and needs a human.
      throw new Error(
        `Migration(s) ${failed.map((r) => r.migration_name).join(", ")} failed earlier and may be partly applied. ` +
          "Fix the database, then delete that row from _prisma_migrations (or run `prisma migrate resolve`).",
      );
    }
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const f of files) {
      const row = done.get(f.name);
      if (row && row.checksum !== f.checksum) {
        log.warn(`migration ${f.name} was edited after it was applied (checksum differs); it is not re-applied`);
      }
    }
    const known = new Set(files.map((f) => f.name));
    const unknown = rows.filter((r) => !known.has(r.migration_name)).map((r) => r.migration_name);
    if (unknown.length > 0) log.warn(`database has migration(s) this code does not know: ${unknown.join(", ")} (is the code older?)`);

    for (const f of files.filter((m) => !done.has(m.name))) {
      log.info(`applying migration ${f.name}`);
      try {
        if (await driver.apply(f)) applied.push(f.name);
      } catch (err) {
        throw new Error(`Migration ${f.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
      }
    }
    if (applied.length > 0) log.info(`applied ${applied.length} migration(s)`);
    return applied;
  } finally {
    await driver.close();
  }
}
