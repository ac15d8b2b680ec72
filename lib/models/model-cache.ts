// The record a finished download leaves next to the model files (MODELS_DIR/<org>/<name>/
// .download.json): which files, their sizes and SHA-256. At every start the sizes are checked
// (a stat per file, no reading), so a cache damaged afterwards (a disk filled up, a partial copy)
// is fetched again or reported instead of being loaded. Folders without the record (copied by
// hand, or filled by an older version) are taken as they are.
import { readFileSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";

export const MANIFEST_FILE = ".download.json";

export interface CachedFile {
  name: string;
  size: number;
  sha256: string;
}

export interface DownloadManifest {
  id: string;
  host: string;
  /** The hub commit the files came from (X-Repo-Commit), or the branch asked for. */
  revision: string;
  dtype: string;
  downloadedAt: string;
  files: CachedFile[];
}

export function readManifest(folder: string): DownloadManifest | null {
  try {
    const m = JSON.parse(readFileSync(path.join(folder, MANIFEST_FILE), "utf8")) as DownloadManifest;
    return Array.isArray(m?.files) ? m : null;
  } catch {
    return null;
  }
}

export async function writeManifest(folder: string, manifest: DownloadManifest): Promise<void> {
  await writeFile(path.join(folder, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
}

/** Null when the folder matches its record (or has none); otherwise what is wrong, in plain words. */
export function cacheProblem(folder: string): string | null {
  const manifest = readManifest(folder);
  if (!manifest) return null;
  for (const f of manifest.files) {
    let size: number;
    try {
      size = statSync(path.join(folder, f.name)).size;
    } catch {
      return `${f.name} is missing from ${folder}`;
    }
    if (size !== f.size) return `${f.name} in ${folder} has ${size} bytes, the download had ${f.size}`;
  }
  return null;
}
