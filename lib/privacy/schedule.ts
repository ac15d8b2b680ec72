// Owns running the retention purge in the server process: once at start, then every hour.
// Loaded by lib/app/register.ts. A failed run is logged and retried at the next tick.
import { onStart, onStop } from "@/lib/app/lifecycle";
import { logger } from "@/lib/log/logger";
import { purgeExpired } from "./retention";

const EVERY_MS = 60 * 60 * 1000;
let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

function runOnce(): Promise<unknown> {
  running ??= purgeExpired()
    .then((r) => logger.info({ ...r.total }, "retention purge finished"))
    .catch((err) => logger.error({ err }, "retention purge failed"))
    .finally(() => (running = undefined));
  return running;
}

onStart(async () => {
  // In the background: a large first purge must not delay "ready".
  void runOnce();
  timer = setInterval(() => void runOnce(), EVERY_MS);
  timer.unref();
});

onStop(async () => {
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
});
