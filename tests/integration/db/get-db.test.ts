// The process-wide client: configured from the environment, created once even when asked for
// concurrently, migrated before use, and reopened cleanly after closeDb().
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-getdb-"));
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL };

let lib: typeof import("@/lib/db");
beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  process.env.DATABASE_URL = "";
  process.env.LOG_LEVEL = "silent";
  (await import("@/lib/env")).resetEnvForTests();
  lib = await import("@/lib/db");
});

afterAll(async () => {
  await lib?.closeDb();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  (await import("@/lib/env")).resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("opens one migrated SQLite database under DATA_DIR, shared by every caller", async () => {
  const [a, b] = await Promise.all([lib.getDb(), lib.getDb()]);
  expect(a).toBe(b);
  expect(lib.dbKind(a)).toBe("sqlite");
  expect(fs.existsSync(path.join(dataDir, "faqbot.db"))).toBe(true);
  await a.tenant.create({ data: { name: "Demo", slug: "demo", widgetKey: "pk_demo" } });
  expect(await b.tenant.count()).toBe(1);
});

it("after closeDb(), getDb() opens a new client on the same data", async () => {
  const first = await lib.getDb();
  await lib.closeDb();
  const second = await lib.getDb();
  expect(second).not.toBe(first);
  expect(await second.tenant.findUnique({ where: { slug: "demo" } })).toMatchObject({ widgetKey: "pk_demo" });
});
