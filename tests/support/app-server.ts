// Starts the real server (server.ts: Next.js + Socket.IO) as a child process on a free port, with
// its own data directory and database, for integration and end-to-end tests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { waitFor } from "./wait";

export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  env: Record<string, string>;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Starts the process again with the same data and port (restart tests); SIGKILL simulates a crash. */
  restart(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

const root = path.resolve(import.meta.dirname, "..", "..");

export async function startAppServer(opts: { databaseUrl?: string; env?: Record<string, string>; port?: number; dataDir?: string; nodeArgs?: string[] } = {}): Promise<AppServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-app-"));
  const env: Record<string, string> = {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: opts.databaseUrl ?? "",
    LOG_LEVEL: "warn",
    ALLOW_REMOTE_MODELS: "false",
    DEMO_ADMIN_PASSWORD: "demo-admin-pass",
    DEMO_AGENT_PASSWORD: "demo-agent-pass",
    ...opts.env,
  };
  let child: ChildProcess;
  let log = "";

  const launch = async () => {
    child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", path.join(root, "server.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d) => (log += d));
    child.stderr!.on("data", (d) => (log += d));
    try {
      await waitFor(
        "the server to answer /api/health",
        async () => {
          if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
          return (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.ok;
        },
        { timeout: 90_000 },
      );
    } catch (err) {
      child.kill("SIGKILL");
      throw new Error(`${(err as Error).message}:\n${log}`);
    }
  };

  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve(child.exitCode);
      child.once("exit", (code) => resolve(code));
      child.kill(signal);
    });

  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL!,
    env,
    output: () => log,
    stop,
    restart: async (signal: NodeJS.Signals = "SIGTERM") => {
      await stop(signal);
      await launch();
    },
  };
}
