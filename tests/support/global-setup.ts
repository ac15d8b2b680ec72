// Integration and end-to-end tests start the real server, which serves the production build of
// the web app: build it first when it is missing or stale (a no-op when up to date).
import { spawnSync } from "node:child_process";
import path from "node:path";

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "ensure-build.mjs")], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) throw new Error("building the web app for the tests failed");
}
