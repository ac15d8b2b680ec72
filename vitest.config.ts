import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Three tiers; test folders mirror the code they test (tests/<tier>/<lib folder>/, components
// under tests/unit/components/<area>/), shared helpers live in tests/support.
// - unit: pure code (no database, no server) and the architecture tests (tests/unit/architecture).
// - integration: lib code against a real SQLite file and the local PostgreSQL (each provider the
//   machine has, tests/support/db.ts), and the real server started as a child process and driven
//   over HTTP and Socket.IO (a privacy check also renders its admin page in Chromium). One file at
//   a time.
// - e2e: whole journeys against the built app on the database E2E_DATABASE names (sqlite or
//   postgres), in Debian Chromium through playwright-core or over the HTTP and Socket.IO APIs.
// Integration and e2e build the web app first when it is stale (tests/support/global-setup.ts).
const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root, "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
