// The process logger (pino). Request handlers and sockets take a child carrying their ids.
import pino from "pino";
import { env } from "@/lib/env";

const globalForLog = globalThis as unknown as { __faqbotLogger?: pino.Logger };

export const logger: pino.Logger =
  globalForLog.__faqbotLogger ??
  (globalForLog.__faqbotLogger = pino({
    level: env().LOG_LEVEL,
    base: { service: "faqbot" },
    redact: { paths: ["password", "*.password", "req.headers.cookie", "headers.cookie", "token", "*.token"], censor: "[redacted]" },
  }));
