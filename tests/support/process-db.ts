// Points the process-wide database (lib/db getDb, used by the admin and FAQ libraries and the audit
// log) at a fresh test database for one test file, on each provider the machine has.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db, type DbKind } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { createEmptyTestDatabase, type EmptyTestDatabase } from "@/tests/support/db";

export async function useProcessDb(kind: DbKind): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const empty: EmptyTestDatabase = await createEmptyTestDatabase(kind);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-admin-"));
  // Test harness settings: the code under test reads them through lib/env.
  process.env.DATABASE_URL = empty.url;
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = "silent";
  resetEnvForTests();
  await closeDb();
  const db = await getDb();
  return {
    db,
    cleanup: async () => {
      await closeDb();
      await empty.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
