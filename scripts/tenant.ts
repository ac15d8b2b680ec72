// `npm run tenant:create | tenant:list | tenant:disable | tenant:enable` — the operator's
// workspace commands (lib/workspaces/cli.ts), against the server's database (DATABASE_URL).
import { createDb } from "@/lib/db";
import { env } from "@/lib/env";
import { runTenantCli } from "@/lib/workspaces/cli";

let code: number;
try {
  code = await runTenantCli(
    process.argv.slice(2),
    { out: (line) => console.log(line), err: (line) => console.error(line) },
    () => {
      const e = env();
      // Migration notes go to stderr: stdout ends with the JSON line.
      return createDb({ url: e.DATABASE_URL, dataDir: e.dataDir, log: { info: (m) => console.error(m), warn: (m) => console.error(m) } });
    },
  );
} catch (err) {
  // Configuration errors (lib/env) and the like: say what is wrong, no stack trace.
  console.error(`tenant: ${(err as Error).message}`);
  code = 1;
}
process.exit(code);
