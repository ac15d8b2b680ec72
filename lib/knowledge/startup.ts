// Indexes a new knowledge version as soon as it is stored: with a sentence encoder loaded, its
// passages are embedded now rather than on the first customer question. (The lexical index needs
// no warm-up: it is built from the stored passages in milliseconds.)
import { subscribe } from "@/lib/events/bus";
import { logger } from "@/lib/log/logger";
import { knowledgeIndexFor } from "./tenant-index";
import { currentEncoder } from "./reply";

subscribe("knowledge.changed", ({ tenantId }) => {
  const encoder = currentEncoder();
  if (!encoder) return;
  void knowledgeIndexFor(tenantId, encoder).catch((err: unknown) => logger.warn({ err, tenantId }, "embedding knowledge passages failed"));
});
