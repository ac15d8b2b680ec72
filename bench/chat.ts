// bench:chat — simulated widget clients (socket.io-client) on loopback against the real server
// with the demo tenant's model (no chat model): visitors held, messages per second, time to first
// token and to complete reply (p50/p95), server memory and event-loop delay, and no message lost
// or duplicated. A bare Socket.IO echo server, measured the same way in the same run, gives the
// ceiling; our saturated throughput is reported as a ratio of it.
//
//   npm run bench:chat               1,000 visitors, 200 msg/s for 20 s, saturation 15 s
//   npm run bench:chat -- --quick    200 visitors, 50 msg/s for 5 s, saturation 5 s (CI)
//   npm run bench:chat -- --compare  the same on 1 instance SQLite, 1 instance PostgreSQL and 2
//                                    instances on PostgreSQL + Redis, side by side
//   npm run bench:chat -- --writes   the same scenario twice in one run: chat writes one ORM
//                                    transaction per message (CHAT_GROUP_COMMIT=false), then
//                                    group-committed (the default), for a before/after under the
//                                    same load
//   options: --visitors N --rate N --seconds N --database-url postgres://… | --postgres --instances N
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import fs from "node:fs";
import os from "node:os";
import { Redis } from "ioredis";
import { startAppServer, type AppServer } from "../tests/support/app-server";
import { createEmptyTestDatabase } from "../tests/support/db";
import { createDb } from "../lib/db";
import { DEFAULT_SQLITE_FILE } from "../lib/db/target";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const HEALTH_TOKEN = "bench-health-token-0123456789";
const VISITORS = opt("visitors", quick ? 200 : 1000);
const RATE = opt("rate", quick ? 50 : 200);
const SECONDS = opt("seconds", quick ? 5 : 20);
const SAT_SECONDS = opt("saturation-seconds", quick ? 5 : 15);
// A database index of its own: the benchmark empties it.
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379/14";
const dbArg = args.indexOf("--database-url");
const DATABASE_URL = dbArg >= 0 ? args[dbArg + 1]! : "";
/** --postgres: a fresh PostgreSQL database per scenario (tests/support/db.ts) instead of SQLite. */
const postgres = Boolean(DATABASE_URL) || args.includes("--postgres");

const QUESTIONS = [
  "How long does shipping take?",
  "how much is shipping",
  "can I return an item",
  "¿cuánto tarda el envío?",
  "¿puedo pagar con paypal?",
  "where is my order",
  "which payment methods do you accept",
  "¿cuál es la política de devoluciones?",
];

interface Client {
  socket: Socket;
  pending: Map<string, { sentAt: number; firstAt?: number; resolve: (v: { ttft: number; total: number }) => void }>;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectClients(url: string, n: number): Promise<Client[]> {
  const clients: Client[] = [];
  const batch = 50;
  for (let i = 0; i < n; i += batch) {
    const group = await Promise.all(
      Array.from({ length: Math.min(batch, n - i) }, async (_, j) => {
        const k = i + j;
        const socket = connect(`${url}/widget`, {
          transports: ["websocket"],
          auth: { key: "pk_demo", language: "en" },
          // Behind a proxy each visitor has its own address (TRUST_PROXY), as in production.
          extraHeaders: { origin: "http://localhost:5555", "x-forwarded-for": `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}` },
          reconnection: false,
        });
        const client: Client = { socket, pending: new Map() };
        const settle = (replyToClientId: string | undefined, final: boolean) => {
          if (!replyToClientId) return;
          const p = client.pending.get(replyToClientId);
          if (!p) return;
          const now = performance.now();
          p.firstAt ??= now;
          if (final) {
            client.pending.delete(replyToClientId);
            p.resolve({ ttft: p.firstAt - p.sentAt, total: now - p.sentAt });
          }
        };
        socket.on("bot:delta", (p: { replyToClientId: string }) => settle(p.replyToClientId, false));
        socket.on("bot:done", (p: { replyToClientId: string }) => settle(p.replyToClientId, true));
        socket.on("message", (m: { role: string }) => {
          // A hand-off notice also completes a reply (unexpected for these FAQ questions; counted).
          if (m.role === "system") for (const [cid] of client.pending) settle(cid, true);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", (e) => reject(e));
        });
        await socket.timeout(10_000).emitWithAck("sync", { afterSeq: 0 });
        return client;
      }),
    );
    clients.push(...group);
  }
  return clients;
}

let counter = 0;
function send(client: Client): Promise<{ ttft: number; total: number; ok: boolean }> {
  const clientMessageId = `bench${process.pid}x${++counter}`;
  const text = QUESTIONS[counter % QUESTIONS.length]!;
  return new Promise((resolve) => {
    const sentAt = performance.now();
    const timer = setTimeout(() => {
      client.pending.delete(clientMessageId);
      resolve({ ttft: NaN, total: NaN, ok: false });
    }, 30_000);
    client.pending.set(clientMessageId, {
      sentAt,
      resolve: (v) => {
        clearTimeout(timer);
        resolve({ ...v, ok: true });
      },
    });
    client.socket
      .timeout(30_000)
      .emitWithAck("message:send", { clientMessageId, text })
      .then((ack: { ok?: boolean }) => {
        if (!ack.ok) {
          clearTimeout(timer);
          client.pending.delete(clientMessageId);
          resolve({ ttft: NaN, total: NaN, ok: false });
        }
      })
      .catch(() => undefined);
  });
}

async function fixedRate(clients: Client[], rate: number, seconds: number) {
  const results: Promise<{ ttft: number; total: number; ok: boolean }>[] = [];
  const start = performance.now();
  const total = rate * seconds;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    results.push(send(clients[i % clients.length]!));
  }
  const done = await Promise.all(results);
  const elapsed = (performance.now() - start) / 1000;
  return { done, elapsed };
}

/** Every client sends its next message as soon as its previous reply completed. */
async function saturate(clients: Client[], seconds: number) {
  const end = performance.now() + seconds * 1000;
  let completed = 0;
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < end) {
        const r = await send(c);
        if (r.ok) completed++;
        else failed++;
      }
    }),
  );
  return { perSecond: completed / ((performance.now() - start) / 1000), failed };
}

async function startEcho(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support", "echo-server.ts"), "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve) => child.stdout!.on("data", (d: Buffer) => resolve(Number(/listening (\d+)/.exec(String(d))?.[1]))));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

interface Scenario {
  name: string;
  instances: number;
  database: "sqlite" | "postgres";
  redis: boolean;
  /** CHAT_GROUP_COMMIT for the server(s); the default (true) when unset. */
  groupCommit?: boolean;
}

interface Figures {
  visitors: number;
  rate: number;
  completed: string;
  ttftP50: number;
  ttftP95: number;
  totalP50: number;
  totalP95: number;
  lost: number;
  duplicates: number;
  rssMb: number[];
  loop: string;
  saturated: number;
}

/** Visitors are spread over the instances round-robin, as a load balancer with sticky sessions would. */
async function runScenario(sc: Scenario): Promise<Figures> {
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const pg = sc.database === "postgres" && !DATABASE_URL ? await createEmptyTestDatabase("postgres") : null;
  const databaseUrl = pg?.url ?? DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-bench-"));
  if (sc.redis) {
    const r = new Redis(REDIS_URL);
    await r.flushdb();
    r.disconnect();
  }
  const env: Record<string, string> = { HEALTH_TOKEN, TRUST_PROXY: "true", LOG_LEVEL: "error", SESSION_SECRET: "b".repeat(40), ...(sc.redis ? { REDIS_URL } : {}), ...(sc.groupCommit === false ? { CHAT_GROUP_COMMIT: "false" } : {}) };
  const servers: AppServer[] = [];
  for (let i = 0; i < sc.instances; i++) servers.push(await startAppServer({ databaseUrl, dataDir, env, nodeArgs }));
  try {
    const t0 = performance.now();
    const clients: Client[] = [];
    for (let i = 0; i < servers.length; i++) clients.push(...(await connectClients(servers[i]!.url, Math.floor(VISITORS / servers.length) + (i < VISITORS % servers.length ? 1 : 0))));
    console.log(`[${sc.name}] connected ${clients.length} visitors in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const { done, elapsed } = await fixedRate(clients, RATE, SECONDS);
    const ok = done.filter((d) => d.ok);
    const healths = await Promise.all(servers.map(async (sv) => (await fetch(`${sv.url}/api/health`, { headers: { authorization: `Bearer ${HEALTH_TOKEN}` } })).json()));
    const stillConnected = clients.filter((c) => c.socket.connected).length;
    const sat = await saturate(clients, SAT_SECONDS);
    for (const c of clients) c.socket.close();

    const dbUrl = databaseUrl || `file:${path.join(dataDir, DEFAULT_SQLITE_FILE)}`;
    const db = await createDb({ url: dbUrl, log: { info: () => {}, warn: () => {} } });
    const dupes = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM (SELECT "conversationId", "clientMessageId" FROM "Message" WHERE "clientMessageId" LIKE 'bench${process.pid}x%' GROUP BY "conversationId", "clientMessageId" HAVING COUNT(*) > 1) d`);
    await db.$disconnect();
    const ttft = ok.map((d) => d.ttft);
    const totalMs = ok.map((d) => d.total);
    const loops = healths.map((h) => h.process.eventLoopDelayMs).filter(Boolean) as { p50: number; p99: number; max: number }[];
    return {
      visitors: stillConnected,
      rate: ok.length / elapsed,
      completed: `${ok.length} / ${done.length}`,
      ttftP50: pct(ttft, 50),
      ttftP95: pct(ttft, 95),
      totalP50: pct(totalMs, 50),
      totalP95: pct(totalMs, 95),
      lost: done.length - ok.length,
      duplicates: Number(dupes[0]?.n ?? 0),
      rssMb: healths.map((h) => Math.round(h.process.memory.rssBytes / 1048576)),
      loop: loops.map((l) => `${l.p50}/${l.p99}/${l.max}`).join(", ") || "n/a",
      saturated: sat.perSecond,
    };
  } finally {
    for (const sv of servers) await sv.stop();
    await pg?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const build = spawnSync(process.execPath, [path.join(import.meta.dirname, "..", "scripts", "ensure-build.mjs")], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("building the app failed");
  const scenarios: Scenario[] = args.includes("--compare")
    ? [
        { name: "1 instance, SQLite", instances: 1, database: "sqlite", redis: false },
        { name: "1 instance, PostgreSQL", instances: 1, database: "postgres", redis: false },
        { name: "2 instances, PostgreSQL + Redis", instances: 2, database: "postgres", redis: true },
      ]
    : args.includes("--writes")
      ? [false, true].map((groupCommit): Scenario => ({ name: `${postgres ? "PostgreSQL" : "SQLite"}, ${groupCommit ? "group commit" : "ORM per message"}`, instances: 1, database: postgres ? "postgres" : "sqlite", redis: false, groupCommit }))
      : [{ name: postgres ? "1 instance, PostgreSQL" : "1 instance, SQLite", instances: opt("instances", 1), database: postgres ? "postgres" : "sqlite", redis: opt("instances", 1) > 1 }];
  console.log(`bench:chat ${quick ? "(quick) " : ""}visitors=${VISITORS} rate=${RATE}/s seconds=${SECONDS} saturation=${SAT_SECONDS}s`);
  const results: Figures[] = [];
  for (const sc of scenarios) results.push(await runScenario(sc));

  const echo = await startEcho();
  const echoClients = await connectClients(echo.url, VISITORS);
  const echoSat = await saturate(echoClients, SAT_SECONDS);
  for (const c of echoClients) c.socket.close();
  echo.stop();

  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
  const rows: [string, (r: Figures) => string, string][] = [
    ["visitors connected (held through the run)", (r) => `${r.visitors} / ${VISITORS}`, "1,000"],
    ["offered rate (msg/s)", () => `${RATE} for ${SECONDS} s`, "200"],
    ["achieved rate (msg/s)", (r) => f(r.rate), "200"],
    ["replies completed", (r) => r.completed, "all"],
    ["time to first token p50 / p95 (ms)", (r) => `${f(r.ttftP50)} / ${f(r.ttftP95)}`, "p95 ≤ 100"],
    ["time to complete reply p50 / p95 (ms)", (r) => `${f(r.totalP50)} / ${f(r.totalP95)}`, ""],
    ["lost / duplicate messages", (r) => `${r.lost} / ${r.duplicates}`, "0 / 0"],
    ["server RSS per instance (MB)", (r) => r.rssMb.join(", "), ""],
    ["event-loop delay p50/p99/max per instance (ms)", (r) => r.loop, ""],
    ["saturated throughput (msg/s)", (r) => f(r.saturated), ""],
    ["bare Socket.IO echo ceiling (msg/s)", () => f(echoSat.perSecond), ""],
    ["ours / echo ceiling", (r) => `${((r.saturated / echoSat.perSecond) * 100).toFixed(1)} %`, "≥ 50 %"],
  ];
  const header = ["measure", ...scenarios.map((s) => s.name), "target"];
  const table = [header, ...rows.map(([label, fn, target]) => [label, ...results.map(fn), target])];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join("  "));
  console.log(JSON.stringify({ scenarios: scenarios.map((s, i) => ({ ...s, ...results[i] })), echo: echoSat.perSecond }));
  const failed = results.some((r) => r.lost > 0 || r.duplicates > 0);
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
