// Start-up and graceful shutdown of the server process, in order: database (with migrations),
// demo tenant on an empty database — or, with the demo seed off, the first-run setup link —,
// models (in the background, never fatal), then "ready".
import type http from "node:http";
import type { Server as IoServer } from "socket.io";
import { getDb, closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { ensureDemoTenant } from "@/lib/seed/demo";
import { issueSetupLink } from "@/lib/workspaces/first-run";
import { publicBaseUrl } from "@/lib/app/urls";
import { startMetrics } from "@/lib/app/metrics";

const g = globalThis as unknown as { __faqbotReady?: boolean; __faqbotIo?: IoServer };

export function isReady(): boolean {
  return g.__faqbotReady === true;
}

/** The Socket.IO server, for lib/realtime only (domain code publishes events: lib/events). */
export function getIo(): IoServer | undefined {
  return g.__faqbotIo;
}

export async function startApp({ port, io }: { port: number; io: IoServer }): Promise<void> {
  g.__faqbotIo = io;
  startMetrics();
  const db = await getDb();
  logger.info({ database: env().databaseKind }, "database ready");
  const base = publicBaseUrl(port);
  if (env().SEED_DEMO) {
    const demo = await ensureDemoTenant(db);
    if (demo.created) printWelcome(base, demo);
    else printAddresses(base, demo);
  } else {
    const link = await issueSetupLink(db, base);
    if (link) printSetupLink(link);
  }
  for (const hook of startHooks) await hook();
  g.__faqbotReady = true;
  logger.info({ url: base }, "ready");
}

const startHooks: Array<() => Promise<void>> = [];
/** Domains register work to run once the database is ready (model loading, job workers…). */
export function onStart(hook: () => Promise<void>): void {
  startHooks.push(hook);
}

const stopHooks: Array<() => Promise<void>> = [];
export function onStop(hook: () => Promise<void>): void {
  stopHooks.push(hook);
}

export async function stopApp({ server, io }: { server: http.Server; io: IoServer }): Promise<void> {
  g.__faqbotReady = false;
  // Stop accepting first, then let in-flight work finish, then close the database.
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    io.close();
    server.closeIdleConnections?.();
  });
  for (const hook of stopHooks) {
    try {
      await hook();
    } catch (err) {
      logger.warn({ err }, "stop hook failed");
    }
  }
  await closeDb();
  logger.info("stopped");
}

function printWelcome(base: string, demo: { adminEmail: string; agentEmail: string; adminPassword?: string; agentPassword?: string }) {
  const lines = [
    "",
    "  Demo tenant created. Open:",
    `    Customer demo page (widget): ${base}/demo`,
    `    Agent console:               ${base}/agent   (${demo.agentEmail}${demo.agentPassword ? ` / ${demo.agentPassword}` : ""})`,
    `    Admin console:               ${base}/admin   (${demo.adminEmail}${demo.adminPassword ? ` / ${demo.adminPassword}` : ""})`,
    demo.adminPassword || demo.agentPassword ? "  These generated passwords are shown only once." : "",
    "",
  ];
  // Printed (not logged) so a new user sees it plainly on first start.
  process.stdout.write(lines.join("\n") + "\n");
}

/** On later starts: where things are (the generated passwords were shown on the first start only). */
function printAddresses(base: string, demo: { adminEmail: string; agentEmail: string }) {
  const lines = [
    "",
    "  Ready. Open:",
    `    Customer demo page (widget): ${base}/demo`,
    `    Agent console:               ${base}/agent   (${demo.agentEmail})`,
    `    Admin console:               ${base}/admin   (${demo.adminEmail})`,
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

function printSetupLink(link: string) {
  const lines = [
    "",
    "  This server has no workspace yet. Open this one-time link to create the first one and its owner:",
    `    ${link}`,
    "  It works once, for 24 hours; restart the server for a new one.",
    "",
  ];
  process.stdout.write(lines.join("\n") + "\n");
}
