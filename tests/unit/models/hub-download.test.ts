// The checks a download must pass before it is kept (the whole path runs against a local hub in
// tests/integration/models/hub-download.test.ts).
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumFromEtag, gitBlobSha1, verifyFile } from "@/lib/models/hub-download";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "faqbot-verify-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the hub's ETags", () => {
  it("reads a SHA-256 (LFS and Xet files) or a git blob SHA-1 (small files) from a strong ETag", () => {
    const sha = "a".repeat(64);
    expect(checksumFromEtag(`"${sha}"`)).toEqual({ sha256: sha, gitSha1: null });
    expect(checksumFromEtag(`"${"B".repeat(40)}"`)).toEqual({ sha256: null, gitSha1: "b".repeat(40) });
  });

  it("ignores weak, missing and other ETags (a CDN's MD5, multipart ids)", () => {
    for (const etag of [null, `W/"${"a".repeat(64)}"`, `"${"c".repeat(32)}"`, `"abc-12"`]) expect(checksumFromEtag(etag)).toEqual({ sha256: null, gitSha1: null });
  });

  it("computes git's blob id the way git does", async () => {
    const file = path.join(dir, "hello.txt");
    await writeFile(file, "hello\n");
    // `echo hello | git hash-object --stdin`
    expect(await gitBlobSha1(file)).toBe("ce013625030ba8dba906f756967f9e9ca394464a");
  });
});

describe("verifyFile", () => {
  const body = Buffer.from(JSON.stringify({ model_type: "bert", hidden_size: 32 }));
  const sha256 = createHash("sha256").update(body).digest("hex");

  it("accepts the file the hub announced", async () => {
    const file = path.join(dir, "config.json");
    await writeFile(file, body);
    expect(await verifyFile(file, { size: body.length, sha256, gitSha1: null })).toBeNull();
    expect(await verifyFile(file, { size: body.length, sha256: null, gitSha1: await gitBlobSha1(file) })).toBeNull();
    expect(await verifyFile(file, { size: null, sha256: null, gitSha1: null })).toBeNull();
  });

  it("names a short, a long and a corrupted file", async () => {
    const file = path.join(dir, "weights.bin");
    await writeFile(file, body.subarray(0, 10));
    expect(await verifyFile(file, { size: body.length, sha256, gitSha1: null })).toBe(`truncated: 10 of ${body.length} bytes`);
    await writeFile(file, Buffer.concat([body, body]));
    expect(await verifyFile(file, { size: body.length, sha256: null, gitSha1: null })).toMatch(/^too long/);
    const flipped = Buffer.from(body);
    flipped[5] ^= 1;
    await writeFile(file, flipped);
    expect(await verifyFile(file, { size: body.length, sha256, gitSha1: null })).toMatch(/^corrupted: SHA-256 /);
  });

  it("refuses a JSON file that does not parse even without a checksum", async () => {
    const file = path.join(dir, "tokenizer.json");
    await writeFile(file, '{"model": ');
    expect(await verifyFile(file, { size: null, sha256: null, gitSha1: null })).toBe("corrupted: not valid JSON");
  });
});
