// Where the database lives: turns DATABASE_URL (+ the data directory) into a provider and a
// location. Empty → the embedded SQLite file under DATA_DIR; `file:` → that SQLite file;
// `postgres://` / `postgresql://` → PostgreSQL.
import path from "node:path";

export type DbKind = "sqlite" | "postgres";

export type DbTarget = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export const DEFAULT_SQLITE_FILE = "faqbot.db";

export function resolveDbTarget(url: string, dataDir: string): DbTarget {
  const u = url.trim();
  if (u === "") return { kind: "sqlite", file: path.join(path.resolve(dataDir), DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(u)) return { kind: "postgres", url: u };
  if (u.startsWith("file:")) {
    // Prisma-style `file:./dev.db?connection_limit=1`: drop the query, resolve relative paths
    // against the working directory (where `npm start` runs), as Prisma's own CLI does.
    const file = u.slice("file:".length).replace(/\?.*$/, "");
    if (file === "") throw new Error("DATABASE_URL `file:` needs a path, e.g. file:./data/faqbot.db");
    return { kind: "sqlite", file: file === ":memory:" ? file : path.resolve(file) };
  }
  throw new Error("DATABASE_URL must be empty (embedded SQLite), a file: URL or a postgres:// URL");
}

/** Migrations folder of a provider; the server runs from the repository root (npm start). */
export function defaultMigrationsDir(kind: DbKind, root = process.cwd()): string {
  return path.join(root, "prisma", "migrations", kind);
}
