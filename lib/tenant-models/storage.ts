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

// Packed form stored in ModelVersion.artifact: "FBM1", file count, then per file its name and
// bytes, each length-prefixed (little-endian u16 name length, u32 data length).
const MAGIC = "FBM1";

export function packArtifact(files: Record<string, Uint8Array>): Uint8Array<ArrayBuffer> {
  const names = Object.keys(files).sort();
  const encoded = names.map((n) => new TextEncoder().encode(n));
  const size = 8 + names.reduce((sum, n, i) => sum + 2 + encoded[i]!.length + 4 + files[n]!.byteLength, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, names.length, true);
  let o = 8;
  names.forEach((n, i) => {
    view.setUint16(o, encoded[i]!.length, true);
    out.set(encoded[i]!, o + 2);
    o += 2 + encoded[i]!.length;
    view.setUint32(o, files[n]!.byteLength, true);
    out.set(files[n]!, o + 4);
    o += 4 + files[n]!.byteLength;
  });
  return out;
}

export function unpackArtifact(packed: Uint8Array): Record<string, Uint8Array> {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (new TextDecoder().decode(packed.subarray(0, 4)) !== MAGIC) throw new Error("not a packed tenant model");
  const files: Record<string, Uint8Array> = {};
  let o = 8;
  for (let i = 0, n = view.getUint32(4, true); i < n; i++) {
    const nameLen = view.getUint16(o, true);
    const name = new TextDecoder().decode(packed.subarray(o + 2, o + 2 + nameLen));
    o += 2 + nameLen;
    const len = view.getUint32(o, true);
    files[name] = packed.slice(o + 4, o + 4 + len);
    o += 4 + len;
  }
  return files;
}

/**
 * The model's files: from the local folder when present and intact, otherwise from the database
 * (another instance trained it, or the folder was lost), which then refills the local cache.
 */
export async function loadArtifactFiles(version: { tenantId: string; number: number; artifactPath: string; artifact: Uint8Array | null; checksum: string }): Promise<Record<string, Uint8Array> | string> {
  const dir = fromStoredPath(version.artifactPath);
  // The local copy counts only if it is the version the database describes (a folder left by a
  // crashed run elsewhere could hold another model under the same number).
  const localChecksum = await fs
    .readFile(path.join(dir, "manifest.json"), "utf8")
    .then((m) => (JSON.parse(m) as { checksum?: string }).checksum)
    .catch(() => undefined);
  if (localChecksum === version.checksum || !version.artifact) return dir;
  const files = unpackArtifact(version.artifact);
  await saveArtifact(version.tenantId, version.number, files).catch(() => undefined);
  return files;
}
