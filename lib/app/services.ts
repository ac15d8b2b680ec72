// Services that live in the server process's own module graph (loaded by server.ts through
// lib/app/register.ts): the model runtime, tenant-model training and publishing. Their modules use
// worker threads and native code that Next's route bundle must not include, and their state
// (caches, running jobs) must exist once per process; route handlers reach them through this
// registry. Only types are imported here, so importing this file pulls none of that code in.
import type { modelHealth } from "@/lib/health/model-health";
import type { startTraining, cancelTraining } from "@/lib/tenant-models/training-jobs";
import type { publishModelVersion } from "@/lib/tenant-models/publish";
import type { tryModelVersion } from "@/lib/tenant-models/try-model";
import type { returnConversationsToQueue } from "@/lib/handoff/presence";
import type { metricsText } from "@/lib/metrics/registry";
import type { receiveCustomerMessage } from "@/lib/chat/customer-message";
import type { sendAgentMessage } from "@/lib/handoff/actions";
import { AppError } from "@/lib/errors/app-error";

export interface Services {
  modelHealth: typeof modelHealth;
  startTraining: typeof startTraining;
  cancelTraining: typeof cancelTraining;
  publishModelVersion: typeof publishModelVersion;
  tryModelVersion: typeof tryModelVersion;
  returnConversationsToQueue: typeof returnConversationsToQueue;
  metricsText: typeof metricsText;
  /**
   * Chat messages written from a route (a file from the widget or the console): messages are
   * written by the server graph's group-commit writer, and the bot's turn lives there too.
   */
  receiveCustomerMessage: typeof receiveCustomerMessage;
  sendAgentMessage: typeof sendAgentMessage;
}

const g = globalThis as unknown as { __faqbotServices?: Services };

export function registerServices(s: Services): void {
  g.__faqbotServices = s;
}

/** The services when this process runs the server (undefined in scripts and in-process tests). */
export function maybeServices(): Services | undefined {
  return g.__faqbotServices;
}

export function services(): Services {
  if (!g.__faqbotServices) throw new AppError("not_ready", "The server is still starting. Try again in a moment.");
  return g.__faqbotServices;
}
