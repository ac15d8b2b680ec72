// One running app for an end-to-end test file, on the database CI asks for (E2E_DATABASE =
// sqlite | postgres), plus a direct database client for seeding and for checking what was stored.
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { DEFAULT_SQLITE_FILE } from "@/lib/db/target";
import { createEmptyTestDatabase, silentLog } from "./db";
import { startAppServer, type AppServer } from "./app-server";

export interface E2EApp {
  server: AppServer;
  db: Db;
  close(): Promise<void>;
}

export async function startE2EApp(opts: { env?: Record<string, string> } = {}): Promise<E2EApp> {
  const kind = process.env.E2E_DATABASE === "postgres" ? "postgres" : "sqlite";
  const pg = kind === "postgres" ? await createEmptyTestDatabase("postgres") : null;
  const server = await startAppServer({ databaseUrl: pg?.url ?? "", env: opts.env });
  const url = pg?.url ?? `file:${path.join(server.dataDir, DEFAULT_SQLITE_FILE)}`;
  const db = await createDb({ url, log: silentLog });
  return {
    server,
    db,
    close: async () => {
      await db.$disconnect();
      await server.stop();
      await pg?.cleanup();
    },
  };
}
