// `npm test` catches what `npm run db:check` catches: a stale PostgreSQL schema copy, or a change
// to prisma/schema.prisma that has no migration yet.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { checkSchemas } from "@/lib/db/tooling/migrations";

const root = fileURLToPath(new URL("../../..", import.meta.url));

it("prisma/schema.prisma, its PostgreSQL copy and the committed migrations are in step", async () => {
  expect(await checkSchemas(root)).toEqual([]);
});
