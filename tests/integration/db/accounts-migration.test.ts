// Upgrading a database from before accounts (20261210090000_accounts_invitations_workspaces):
// every existing user keeps signing in with the same e-mail and password — each becomes an
// account with the user's id, holding its one membership — on SQLite and PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { defaultMigrationsDir, type DbTarget } from "@/lib/db/target";
import { createDb, withPasswordHash } from "@/lib/db";
import { createEmptyTestDatabase, silentLog, testDbKinds, type EmptyTestDatabase } from "@/tests/support/db";

const kinds = await testDbKinds();
const ACCOUNTS_MIGRATION = "20261210090000_accounts_invitations_workspaces";

async function exec(target: DbTarget, sql: string[]): Promise<void> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file);
    try {
      for (const s of sql) db.exec(s);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    for (const s of sql) await client.query(s);
  } finally {
    await client.end();
  }
}

describe.each(kinds)("the accounts migration on %s", (kind) => {
  let database: EmptyTestDatabase | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await database?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("turns every user into an account with the same id, e-mail and password hash", async () => {
    database = await createEmptyTestDatabase(kind);
    // The history up to the migration before accounts.
    const all = defaultMigrationsDir(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-mig-"));
    for (const name of fs.readdirSync(all)) {
      if (name === ACCOUNTS_MIGRATION || (/^\d{14}_/.test(name) && name > ACCOUNTS_MIGRATION)) continue;
      fs.cpSync(path.join(all, name), path.join(dir, name), { recursive: true });
    }
    await migrate(database.target, { migrationsDir: dir, log: silentLog });
    const now = kind === "sqlite" ? "CURRENT_TIMESTAMP" : "NOW()";
    await exec(database.target, [
      `INSERT INTO "Tenant" ("id", "name", "slug", "widgetKey", "updatedAt") VALUES ('t1', 'Old Shop', 'old-shop', 'pk_old', ${now})`,
      `INSERT INTO "User" ("id", "tenantId", "email", "name", "passwordHash", "role", "updatedAt") VALUES ('u1', 't1', 'owner@old.test', 'Olga', '$argon2id$owner', 'owner', ${now})`,
      `INSERT INTO "User" ("id", "tenantId", "email", "name", "passwordHash", "role", "updatedAt") VALUES ('u2', 't1', 'agent@old.test', 'Abel', '$argon2id$agent', 'agent', ${now})`,
      `INSERT INTO "Session" ("id", "userId", "tenantId", "expiresAt") VALUES ('s1', 'u2', 't1', ${now})`,
    ]);

    const db = await createDb({ url: database.url, log: silentLog });
    try {
      const accounts = await db.account.findMany({ orderBy: { id: "asc" }, omit: withPasswordHash });
      expect(accounts.map((a) => [a.id, a.email, a.name, a.passwordHash])).toEqual([
        ["u1", "owner@old.test", "Olga", "$argon2id$owner"],
        ["u2", "agent@old.test", "Abel", "$argon2id$agent"],
      ]);
      const members = await db.user.findMany({ orderBy: { id: "asc" }, select: { id: true, accountId: true, tenantId: true, role: true } });
      expect(members).toEqual([
        { id: "u1", accountId: "u1", tenantId: "t1", role: "owner" },
        { id: "u2", accountId: "u2", tenantId: "t1", role: "agent" },
      ]);
      expect(await db.session.count({ where: { userId: "u2" } })).toBe(1);
      expect((await db.tenant.findUniqueOrThrow({ where: { id: "t1" } })).disabledAt).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
