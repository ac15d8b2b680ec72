// Reads a migrations folder laid out as Prisma Migrate writes it:
// <dir>/<timestamp>_<name>/migration.sql, applied in lexical order of the folder names.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes: what Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
}

export function checksumOf(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

export function readMigrations(dir: string): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: checksumOf(bytes) };
    });
}
