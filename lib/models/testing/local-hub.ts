// A stand-in for the Hugging Face hub on 127.0.0.1, for tests of the download path without the
// internet. It serves model folders under hub ids with the hub's URL layout and headers:
// `/<org>/<name>/resolve/<revision>/<file>`; small files answered directly with their git blob
// SHA-1 as ETag; LFS-like files (weights, anything over `lfsThreshold`) answered with a 302 to
// `/cdn/<sha256>` carrying X-Linked-Etag (SHA-256) and X-Linked-Size, as the hub does; every
// answer carries X-Repo-Commit. The storage honours Range. Faults make the next transfers of a
// file cut, short or corrupted.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export type FaultKind =
  /** Headers announce the whole file, then the connection drops halfway. */
  | "cut"
  /** Half the file, with headers that agree with the half (a broken proxy): only the size check catches it. */
  | "short"
  /** The right length with bytes flipped: only the checksum catches it. */
  | "corrupt";

export interface Fault {
  /** Path inside the model folder, e.g. "onnx/model.onnx". */
  file: string;
  kind: FaultKind;
  /** How many of the next transfers of that file go wrong. */
  times: number;
}

export interface LocalHub {
  /** e.g. http://127.0.0.1:41234/ — what HF_ENDPOINT / remoteHost is set to. */
  url: string;
  commit: string;
  /** Every request, in order: "HEAD /org/name/resolve/main/config.json", "GET /cdn/<sha256> bytes=1000-". */
  requests: string[];
  faults: Fault[];
  /** Lets held storage transfers (holdStorage) go on, and later ones through at once. */
  releaseStorage(): void;
  close(): Promise<void>;
}

interface Served {
  data: Buffer;
  sha256: string;
  gitSha1: string;
  lfs: boolean;
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), rel) : [rel];
  });
}

/**
 * `models`: hub id → folder in Hugging Face layout. `lfsThreshold`: files larger than this (and
 * all weights) go through the storage redirect. `holdStorage`: the storage sends its headers but
 * holds the bytes until `releaseStorage()`, so a test can watch a download in progress.
 * `cacheRedirect`: small files are answered as the hub now often does, with a relative 307 to
 * `/api/resolve-cache/models/<id>/<commit>/<file>`, X-Repo-Commit only on that first hop.
 */
export async function startLocalHub(
  models: Record<string, string>,
  opts: { lfsThreshold?: number; faults?: Fault[]; holdStorage?: boolean; cacheRedirect?: boolean } = {},
): Promise<LocalHub> {
  const threshold = opts.lfsThreshold ?? 10 * 1024 * 1024;
  const repos = new Map<string, Map<string, Served>>();
  const blobs = new Map<string, Served>();
  const commitHash = createHash("sha1");
  for (const [id, folder] of Object.entries(models)) {
    const files = new Map<string, Served>();
    for (const rel of listFiles(folder)) {
      const data = readFileSync(path.join(folder, rel));
      const served: Served = {
        data,
        sha256: createHash("sha256").update(data).digest("hex"),
        gitSha1: createHash("sha1").update(`blob ${data.length}\0`).update(data).digest("hex"),
        lfs: rel.endsWith(".onnx") || rel.includes(".onnx_data") || data.length > threshold,
      };
      files.set(rel, served);
      blobs.set(served.sha256, served);
      commitHash.update(`${id}/${rel}:${served.sha256}\n`);
    }
    repos.set(id, files);
  }
  const commit = commitHash.digest("hex");
  const requests: string[] = [];
  const faults: Fault[] = [...(opts.faults ?? [])];

  const takeFault = (served: Served): FaultKind | null => {
    for (const f of faults) {
      if (f.times > 0) {
        for (const files of repos.values()) {
          if (files.get(f.file)?.sha256 === served.sha256) {
            f.times--;
            return f.kind;
          }
        }
      }
    }
    return null;
  };

  let held: Array<() => void> | null = opts.holdStorage ? [] : null;

  const sendBody = (req: http.IncomingMessage, res: http.ServerResponse, served: Served, headers: Record<string, string>, hold = false) => {
    const fault = req.method === "GET" ? takeFault(served) : null;
    let body = served.data;
    let status = 200;
    const out: Record<string, string> = { ...headers, "accept-ranges": "bytes", "content-type": "application/octet-stream" };
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    if (range && Number(range[1]) < body.length) {
      const from = Number(range[1]);
      status = 206;
      out["content-range"] = `bytes ${from}-${body.length - 1}/${body.length}`;
      body = body.subarray(from);
    }
    if (fault === "short") body = body.subarray(0, Math.floor(body.length / 2));
    if (fault === "corrupt") {
      body = Buffer.from(body);
      for (let i = Math.floor(body.length / 3); i < body.length; i += 97) body[i] ^= 0xff;
    }
    out["content-length"] = String(body.length);
    res.writeHead(status, out);
    if (req.method === "HEAD") return res.end();
    if (hold && held) {
      res.flushHeaders();
      held.push(() => res.end(body));
      return;
    }
    if (fault === "cut") {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.socket?.destroy(), 10));
      return;
    }
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}${req.headers.range ? ` ${req.headers.range}` : ""}`);
    const url = new URL(req.url ?? "/", "http://local");
    const cdn = /^\/cdn\/([0-9a-f]{64})$/.exec(url.pathname);
    if (cdn) {
      const blob = blobs.get(cdn[1]);
      if (!blob) return res.writeHead(404).end();
      // Storage answers with an ETag of its own (not the file's SHA-256), as a CDN does.
      return sendBody(req, res, blob, { etag: `"${blob.gitSha1.slice(0, 32)}"` }, true);
    }
    const cached = /^\/api\/resolve-cache\/models\/([\w.-]+\/[\w.-]+)\/([0-9a-f]{40})\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (cached) {
      const file = repos.get(cached[1])?.get(cached[3]);
      if (!file) return res.writeHead(404).end();
      return sendBody(req, res, file, { etag: `"${file.gitSha1}"` });
    }
    const m = /^\/([\w.-]+\/[\w.-]+)\/resolve\/([\w.-]+)\/(.+)$/.exec(decodeURIComponent(url.pathname));
    const served = m ? repos.get(m[1])?.get(m[3]) : undefined;
    const common = { "x-repo-commit": commit };
    if (!m || !repos.has(m[1])) return res.writeHead(404, { ...common, "x-error-code": "RepoNotFound" }).end();
    if (!served) return res.writeHead(404, { ...common, "x-error-code": "EntryNotFound" }).end();
    if (served.lfs) {
      return res
        .writeHead(302, { ...common, location: `/cdn/${served.sha256}`, "x-linked-etag": `"${served.sha256}"`, "x-linked-size": String(served.data.length), etag: `"${served.sha256}"`, "content-length": "0" })
        .end();
    }
    if (opts.cacheRedirect) return res.writeHead(307, { ...common, location: `/api/resolve-cache/models/${m[1]}/${commit}/${m[3]}`, "content-length": "0" }).end();
    sendBody(req, res, served, { ...common, etag: `"${served.gitSha1}"` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    commit,
    requests,
    faults,
    releaseStorage() {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
