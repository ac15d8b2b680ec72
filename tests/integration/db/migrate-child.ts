// Child process for the "two servers start at once" test: migrates the database given on the
// command line and prints the names it applied as JSON.
import { migrate } from "@/lib/db/migrate";
import { defaultMigrationsDir, resolveDbTarget } from "@/lib/db/target";

const url = process.argv[2];
const target = resolveDbTarget(url, ".");
const applied = await migrate(target, { migrationsDir: defaultMigrationsDir(target.kind), log: { info: () => {}, warn: () => {} } });
process.stdout.write(JSON.stringify(applied));
