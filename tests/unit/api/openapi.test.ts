// Every route file under app/api/v1 is described in the OpenAPI document, with each HTTP method it
// exports, and every documented operation exists as a route (no stale entries).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";

const root = path.resolve(import.meta.dirname, "..", "..", "..", "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routes() {
  return routeFiles(root).map((file) => {
    const rel = path.relative(root, path.dirname(file)).split(path.sep).join("/");
    const apiPath = "/" + rel.replace(/\[([^\]]+)\]/g, "{$1}");
    const src = fs.readFileSync(file, "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b`).test(src)).map((m) => m.toLowerCase());
    return { apiPath, methods };
  });
}

describe("OpenAPI document", () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { responses?: object }>> };

  it("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every /api/v1 route and method", () => {
    const found = routes();
    expect(found.length).toBeGreaterThanOrEqual(11);
    for (const r of found) {
      expect(doc.paths, `missing path ${r.apiPath}`).toHaveProperty([r.apiPath]);
      expect(Object.keys(doc.paths[r.apiPath]!).sort(), `methods of ${r.apiPath}`).toEqual(r.methods.sort());
      for (const m of r.methods) expect(doc.paths[r.apiPath]![m]!.responses).toBeTruthy();
    }
  });

  it("documents no path that has no route", () => {
    const existing = new Set(routes().map((r) => r.apiPath));
    for (const p of Object.keys(doc.paths)) expect(existing.has(p), `stale path ${p}`).toBe(true);
  });

  it("resolves every schema reference", () => {
    const text = JSON.stringify(doc);
    const components = (doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas;
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(components).toHaveProperty([name!]);
  });
});
