// The one Node process: Next.js (pages, API routes) and Socket.IO (live chat) on one HTTP port.
// This file only wires them together; start-up and shutdown steps live in lib/app/lifecycle.ts.
import http from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { startApp, stopApp, isReady } from "@/lib/app/lifecycle";
import { attachRealtime } from "@/lib/realtime/attach";
import "@/lib/app/register";

const dev = process.argv.includes("--dev");

async function main() {
  const { PORT, HOST } = env();
  const nextApp = next({ dev, dir: process.cwd(), hostname: HOST === "0.0.0.0" ? "localhost" : HOST, port: PORT });
  const handle = nextApp.getRequestHandler();

  const server = http.createServer((req, res) => {
    // Route handlers cannot see the socket; pass the peer address on a header no client can set.
    req.headers["x-real-ip-internal"] = req.socket.remoteAddress ?? "unknown";
    if (!isReady()) {
      res.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
      res.end(JSON.stringify({ status: "starting" }));
      return;
    }
    void handle(req, res);
  });

  const io = attachRealtime(server);
  if (dev) {
    const upgrade = nextApp.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/socket.io")) void upgrade(req, socket, head);
    });
  }

  await new Promise<void>((resolve) => server.listen(PORT, HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : PORT;
  await nextApp.prepare();
  await startApp({ port, io });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await stopApp({ server, io });
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  logger.fatal({ err }, "failed to start");
  process.exit(1);
});
