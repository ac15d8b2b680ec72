// The one database module. `getDb()` is the process-wide client (migrated on first use);
// `createDb()` makes independent clients for tests and scripts; `closeDb()` is for shutdown.
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { createDb, type Db } from "./client";

export { createDb, dbKind, dbTarget, type Db, type CreateDbOptions } from "./client";
export { omitSecrets, withPasswordHash, withKeyHash, withWebhookSecret } from "./secrets";
export { isUniqueViolation, type UniqueTarget } from "./errors";
export type { DbKind, DbTarget } from "./target";
export { Prisma } from "./generated/sqlite/client";

// On globalThis so Next's duplicated module graphs and dev hot reloads share one client.
const g = globalThis as unknown as { __faqbotDb?: Promise<Db> };

export function getDb(): Promise<Db> {
  if (!g.__faqbotDb) {
    const e = env();
    const log = logger.child({ module: "db" });
    const pending = createDb({
      url: e.DATABASE_URL,
      dataDir: e.dataDir,
      log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
    });
    g.__faqbotDb = pending;
    // A failed start (database down) must not poison later attempts.
    pending.catch(() => {
      if (g.__faqbotDb === pending) g.__faqbotDb = undefined;
    });
  }
  return g.__faqbotDb;
}

export async function closeDb(): Promise<void> {
  const pending = g.__faqbotDb;
  g.__faqbotDb = undefined;
  const db = await pending?.catch(() => undefined);
  await db?.$disconnect();
}
