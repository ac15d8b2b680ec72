// `npm run db:check`: fails when prisma/postgres/schema.prisma is stale or when prisma/schema.prisma
// changed without a migration. The same check runs in the unit tests (tests/unit/db).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkSchemas } from "@/lib/db/tooling/migrations";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const problems = await checkSchemas(root);
if (problems.length > 0) {
  console.error(`db:check failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("db:check: schemas and migrations are in step.");
