// `npm run db:migration -- --name <name>`: writes the SQL migration for both providers from the
// change in prisma/schema.prisma since the last migration (offline: no database, no engine binary).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createMigration } from "@/lib/db/tooling/migrations";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { name: { type: "string", short: "n" } } });
if (!values.name) {
  console.error("Usage: npm run db:migration -- --name <what_changed>");
  process.exit(2);
}
try {
  const files = await createMigration(root, values.name);
  for (const f of files) console.log(`wrote ${path.relative(root, f)}`);
  console.log("Review the SQL, run `npm test`, and commit the new folders with prisma/schema.prisma.");
} catch (err) {
  console.error(`db:migration: ${(err as Error).message}`);
  process.exit(1);
}
