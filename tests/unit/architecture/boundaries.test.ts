// Who may import what. Domain code publishes events and never reaches the socket server; socket
// handlers parse, call the domain and ack; the browser's code (components/, client pages) never
// pulls in server-only modules; routes (app/) never load the stateful server-graph modules that
// lib/app/services.ts hands them at run time.
import { describe, expect, it } from "vitest";
import { reachable, sourceFiles } from "./import-graph";

const files = [...sourceFiles().values()];
const isSocketHandler = (f: string) => /^lib\/.+-socket\.ts$/.test(f);
const isInfrastructure = (f: string) => /^lib\/(realtime|app|scale)\//.test(f);
const isDomain = (f: string) => f.startsWith("lib/") && !isInfrastructure(f) && !isSocketHandler(f);

/** What only lib/realtime (and lib/app, lib/scale) may use: sending on sockets. */
const SOCKET_SENDING = new Set(["socket.io", "lib/realtime/emit.ts", "lib/realtime/deliver.ts", "lib/realtime/attach.ts", "lib/realtime/handle.ts"]);

/** Packages that only run on the server. */
const SERVER_PACKAGES = /^(node:|@prisma\/|prisma|pino|ioredis|bullmq|socket\.io$|@socket\.io\/redis|onnxruntime-node|@node-rs\/|iron-session|better-sqlite3|pg$|@huggingface\/transformers|prom-client|nodemailer|server-only$)/;

/** Modules of the server's own graph (lib/app/register.ts): socket handlers, jobs, caches, workers. */
const SERVER_GRAPH = /^lib\/(.+-socket\.ts|app\/register\.ts|.+\/startup\.ts|realtime\/(attach|deliver)\.ts|models\/(runtime|engine\/.*)\.ts|tenant-models\/(training-jobs|training-queue|active-model)\.ts|privacy\/schedule\.ts|metrics\/registry\.ts|webhooks\/worker\.ts|mail\/transport\.ts)$/;

function violations(roots: string[], bad: (file: string, specifier: string) => boolean): string[] {
  const out = new Set<string>();
  for (const root of roots) {
    for (const f of reachable(root)) {
      for (const e of sourceFiles().get(f)!.imports) if (!e.typeOnly && bad(e.target, e.specifier)) out.add(`${root} → … ${f} → ${e.specifier}`);
    }
  }
  return [...out].sort();
}

describe("domain code and the socket server", () => {
  it("uses getIo() only in lib/realtime and lib/app", () => {
    const users = files.filter((f) => /\bgetIo\b/.test(f.text) && !/^lib\/(realtime|app)\//.test(f.file)).map((f) => f.file);
    expect(users).toEqual([]);
  });

  it("keeps domain modules from importing the socket server or the room emitters", () => {
    const offenders = files
      .filter((f) => isDomain(f.file))
      .flatMap((f) => f.imports.filter((e) => !e.typeOnly && (SOCKET_SENDING.has(e.target) || SOCKET_SENDING.has(e.specifier))).map((e) => `${f.file} → ${e.specifier}`));
    expect(offenders, "publish a domain event (lib/events/bus.ts) instead").toEqual([]);
  });

  it("keeps Prisma queries out of socket handlers (parse → one domain call → ack)", () => {
    const handlers = files.filter((f) => isSocketHandler(f.file));
    expect(handlers.length).toBeGreaterThanOrEqual(2);
    const offenders = handlers.filter((f) => f.imports.some((e) => e.target === "lib/db/index.ts" || e.target === "lib/tenancy/guard.ts") || /\bdb\.\w+\.\w+\(/.test(f.text)).map((f) => f.file);
    expect(offenders).toEqual([]);
  });
});

describe("browser code and routes", () => {
  const clientRoots = files.filter((f) => f.file.startsWith("components/") || (f.file.startsWith("app/") && /^\s*["']use client["']/.test(f.text))).map((f) => f.file);

  it("finds the client components", () => {
    expect(clientRoots.length).toBeGreaterThan(40);
  });

  it("keeps components/ and client pages from importing server-only modules", () => {
    const serverOnly = new Set(files.filter((f) => /^import "server-only";/m.test(f.text)).map((f) => f.file));
    expect(violations(clientRoots, (target, specifier) => serverOnly.has(target) || target === "lib/db/index.ts" || target === "lib/env.ts" || SERVER_PACKAGES.test(specifier))).toEqual([]);
  });

  it("keeps app/ from loading the server graph's stateful modules (they come through lib/app/services.ts)", () => {
    const routes = files.filter((f) => f.file.startsWith("app/")).map((f) => f.file);
    expect(violations(routes, (target) => SERVER_GRAPH.test(target))).toEqual([]);
  });
});
