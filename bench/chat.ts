// bench:chat — simulated widget clients (socket.io-client) on loopback against the real server
// with the demo tenant's model (no chat model): visitors held, messages per second, time to first
// token and to complete reply (p50/p95), server memory and event-loop delay, and no message lost
// or duplicated. A bare Socket.IO echo server, measured the same way in the same run, gives the
// ceiling; our saturated throughput is reported as a ratio of it.
//
//   npm run bench:chat               1,000 visitors, 200 msg/s for 20 s, saturation 15 s
//   npm run bench:chat -- --quick    200 visitors, 50 msg/s for 5 s, saturation 5 s (CI)
//   options: --visitors N --rate N --seconds N --database-url postgres://…
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { startAppServer, type AppServer } from "../tests/support/app-server";
import { createDb } from "../lib/db";
import { DEFAULT_SQLITE_FILE } from "../lib/db/target";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const VISITORS = opt("visitors", quick ? 200 : 1000);
const RATE = opt("rate", quick ? 50 : 200);
const SECONDS = opt("seconds", quick ? 5 : 20);
const SAT_SECONDS = opt("saturation-seconds", quick ? 5 : 15);
const dbArg = args.indexOf("--database-url");
const DATABASE_URL = dbArg >= 0 ? args[dbArg + 1]! : "";

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

async function main() {
  const build = spawnSync(process.execPath, [path.join(import.meta.dirname, "..", "scripts", "ensure-build.mjs")], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("building the app failed");
  console.log(`bench:chat ${quick ? "(quick) " : ""}visitors=${VISITORS} rate=${RATE}/s seconds=${SECONDS} database=${DATABASE_URL ? "postgres" : "sqlite"}`);
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during the run.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server: AppServer = await startAppServer({ databaseUrl: DATABASE_URL, env: { TRUST_PROXY: "true", LOG_LEVEL: "error" }, nodeArgs });
  try {
    const t0 = performance.now();
    const clients = await connectClients(server.url, VISITORS);
    console.log(`connected ${clients.length} visitors in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const { done, elapsed } = await fixedRate(clients, RATE, SECONDS);
    const ok = done.filter((d) => d.ok);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    const stillConnected = clients.filter((c) => c.socket.connected).length;

    const sat = await saturate(clients, SAT_SECONDS);
    for (const c of clients) c.socket.close();

    const dbUrl = DATABASE_URL || `file:${path.join(server.dataDir, DEFAULT_SQLITE_FILE)}`;
    const db = await createDb({ url: dbUrl, log: { info: () => {}, warn: () => {} } });
    const rows = await db.message.count({ where: { role: "customer", clientMessageId: { startsWith: `bench${process.pid}x` } } });
    const dupes = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM (SELECT "conversationId", "clientMessageId" FROM "Message" WHERE "clientMessageId" LIKE 'bench${process.pid}x%' GROUP BY "conversationId", "clientMessageId" HAVING COUNT(*) > 1) d`);
    await db.$disconnect();

    const echo = await startEcho();
    const echoClients = await connectClients(echo.url, VISITORS);
    const echoSat = await saturate(echoClients, SAT_SECONDS);
    for (const c of echoClients) c.socket.close();
    echo.stop();

    const ttft = ok.map((d) => d.ttft);
    const totalMs = ok.map((d) => d.total);
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
    const table = [
      ["measure", "value", "target"],
      ["visitors connected (held through the run)", `${stillConnected} / ${VISITORS}`, "1,000"],
      ["offered rate (msg/s)", `${RATE} for ${SECONDS} s`, "200"],
      ["achieved rate (msg/s)", f(ok.length / elapsed), "200"],
      ["replies completed", `${ok.length} / ${done.length}`, "all"],
      ["time to first token p50 / p95 (ms)", `${f(pct(ttft, 50))} / ${f(pct(ttft, 95))}`, "p95 ≤ 100"],
      ["time to complete reply p50 / p95 (ms)", `${f(pct(totalMs, 50))} / ${f(pct(totalMs, 95))}`, ""],
      ["customer messages stored (sent, incl. saturation)", `${rows}`, ""],
      ["duplicate rows", `${dupes[0]?.n ?? 0}`, "0"],
      ["server RSS (MB)", `${(health.process.memory.rssBytes / 1048576).toFixed(0)}`, ""],
      ["server event-loop delay p50 / p99 / max (ms, last 30 s)", health.process.eventLoopDelayMs ? `${health.process.eventLoopDelayMs.p50} / ${health.process.eventLoopDelayMs.p99} / ${health.process.eventLoopDelayMs.max}` : "n/a", ""],
      ["saturated throughput, ours (msg/s)", f(sat.perSecond), ""],
      ["saturated throughput, bare Socket.IO echo (msg/s)", f(echoSat.perSecond), ""],
      ["ours / echo ceiling", `${((sat.perSecond / echoSat.perSecond) * 100).toFixed(0)} %`, "≥ 50 %"],
    ];
    const w = [Math.max(...table.map((r) => r[0]!.length)), Math.max(...table.map((r) => r[1]!.length))];
    for (const r of table) console.log(`${r[0]!.padEnd(w[0]!)}  ${r[1]!.padEnd(w[1]!)}  ${r[2]}`);
    console.log(JSON.stringify({ visitors: stillConnected, rate: ok.length / elapsed, ttftP50: pct(ttft, 50), ttftP95: pct(ttft, 95), totalP95: pct(totalMs, 95), lost: done.length - ok.length, duplicates: Number(dupes[0]?.n ?? 0), ours: sat.perSecond, echo: echoSat.perSecond, ratio: sat.perSecond / echoSat.perSecond, satFailed: sat.failed }));
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
