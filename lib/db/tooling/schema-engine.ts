// Prisma's schema engine (the wasm build) for offline SQL generation: `diff` between two
// datamodels needs no database and no shadow database. Node 20 cannot import .wasm through ESM,
// so the module is instantiated by hand and handed to the wasm-bindgen glue.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { DbKind } from "../target";

type Glue = typeof import("@prisma/schema-engine-wasm") & { __wbg_set_wasm(exports: unknown): void };

let glue: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const bgJs = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const mod = (await import(pathToFileURL(bgJs).href)) as Glue;
  const dir = path.dirname(bgJs);
  const compiled = await WebAssembly.compile(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = await WebAssembly.instantiate(compiled, { "./schema_engine_bg.js": mod as unknown as WebAssembly.ModuleImports });
  mod.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return mod;
}

/**
 * A driver adapter that never reaches a database. The engine only asks PostgreSQL for its
 * version on connect; answering that lets a datamodel-to-datamodel diff run fully offline.
 */
function offlineAdapterFactory(kind: DbKind) {
  const provider = kind === "sqlite" ? "sqlite" : "postgres";
  const refuse = (what: string) => async () => {
    throw new Error(`offline schema engine: ${what} needs a database`);
  };
  const adapter = () => ({
    provider,
    adapterName: "faqbot-offline",
    async queryRaw(q: { sql: string }) {
      if (/server_version_num/.test(q.sql)) {
        // exists(public schema) bool, version() text, numeric_version int4 (ColumnTypeEnum 5, 7, 0)
        return { columnNames: ["exists", "version", "numeric_version"], columnTypes: [5, 7, 0], rows: [[true, "PostgreSQL 15.0", 150000]] };
      }
      throw new Error(`offline schema engine: unexpected query ${q.sql.slice(0, 80)}`);
    },
    executeRaw: refuse("executeRaw"),
    executeScript: refuse("executeScript"),
    startTransaction: refuse("startTransaction"),
    async dispose() {},
    getConnectionInfo: () => ({ schemaName: kind === "postgres" ? "public" : undefined, supportsRelationJoins: kind === "postgres" }),
  });
  return bindMigrationAwareSqlAdapterFactory({
    provider,
    adapterName: "faqbot-offline",
    connect: async () => adapter(),
    connectToShadowDb: async () => adapter(),
  } as never);
}

async function engineFor(kind: DbKind): Promise<SchemaEngine> {
  glue ??= loadGlue();
  const g = await glue;
  return g.SchemaEngine.new({ datamodels: undefined }, () => {}, offlineAdapterFactory(kind));
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes the connections it opened (SQLite: releases its file lock). */
  close(): Promise<void>;
}

interface RawFactory {
  provider: string;
  adapterName: string;
  connect(): Promise<{ dispose(): Promise<void> }>;
  connectToShadowDb(): Promise<{ dispose(): Promise<void> }>;
}

/**
 * Prisma's own schema engine on a driver adapter factory (e.g. PrismaPg). Tests use it to confirm
 * that Prisma Migrate reads our migration history as its own.
 */
export async function openSchemaEngine(adapterFactory: RawFactory): Promise<OpenedSchemaEngine> {
  glue ??= loadGlue();
  const g = await glue;
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const track = async (p: Promise<{ dispose(): Promise<void> }>) => {
    const a = await p;
    opened.push(a);
    return a;
  };
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(adapterFactory.connect()),
    connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
  } as never);
  const engine = await g.SchemaEngine.new({ datamodels: undefined }, () => {}, factory);
  return {
    engine,
    async close() {
      engine.free();
      for (const a of opened.splice(0)) await a.dispose().catch(() => undefined);
    },
  };
}

/**
 * The SQL that takes a database from datamodel `from` (null: empty database) to `to`.
 * Returns "" when the two datamodels need no change.
 */
export async function diffDatamodels(kind: DbKind, from: string | null, to: string): Promise<string> {
  const engine = await engineFor(kind);
  try {
    const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
    const result = await engine.diff({
      from: from === null ? { tag: "empty" } : target(from),
      to: target(to),
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    // exitCode 2 = non-empty diff (as `prisma migrate diff --exit-code`).
    if (result.exitCode !== 2) return "";
    const sql = (result.stdout ?? "").replace(/^\s+/, "");
    return kind === "sqlite" ? quoteSqliteJsonDefaults(sql) : sql;
  } finally {
    engine.free();
  }
}

/**
 * Works around prisma/orm#26571: for SQLite the engine renders `Json @default("[]")` as
 * `DEFAULT []`, which SQLite rejects. Quote the JSON literal as a string, which is what the
 * column stores and what the client parses back.
 */
export function quoteSqliteJsonDefaults(sql: string): string {
  const marker = /\bJSONB\b([^,\n]*?)\bDEFAULT\s+/g;
  let out = "";
  let last = 0;
  for (let m = marker.exec(sql); m; m = marker.exec(sql)) {
    const start = m.index + m[0].length;
    if (sql[start] !== "[" && sql[start] !== "{") continue;
    const end = endOfJson(sql, start);
    const literal = sql.slice(start, end);
    out += sql.slice(last, start) + `'${literal.replace(/'/g, "''")}'`;
    last = end;
    marker.lastIndex = end;
  }
  return out + sql.slice(last);
}

function endOfJson(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unterminated JSON default in migration SQL near: ${s.slice(start, start + 60)}`);
}
