// Where tenant model artifacts live on disk: DATA_DIR/tenant-models/<tenantId>/v<number>/.
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { writeModelFiles } from "@/lib/training";

export function artifactDir(tenantId: string, versionNumber: number): string {
  return path.join(env().dataDir, "tenant-models", tenantId, `v${versionNumber}`);
}

/** Stored paths are relative to DATA_DIR so a data folder can move between machines. */
export function toStoredPath(dir: string): string {
  return path.relative(env().dataDir, dir);
}

export function fromStoredPath(stored: string): string {
  return path.isAbsolute(stored) ? stored : path.join(env().dataDir, stored);
}

export async function saveArtifact(tenantId: string, versionNumber: number, files: Record<string, Uint8Array>): Promise<string> {
  const dir = artifactDir(tenantId, versionNumber);
  // Write to a temp folder first and rename, so a crash never leaves a half-written model.
  const tmp = `${dir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  await writeModelFiles(tmp, files);
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await fs.rename(tmp, dir);
  return dir;
}
