// All configuration, read from process.env once and validated with zod. Nothing else in the
// code base reads process.env. Defaults let `npm start` work with no configuration at all.
import path from "node:path";
import { z } from "zod";

const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", ""])
    .optional()
    .transform((v) => (v === undefined || v === "" ? def : v === "true" || v === "1" || v === "yes"));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOST: z.string().default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL used in printed links and the widget snippet. */
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("data"),
  /** Empty: embedded SQLite under DATA_DIR. `postgres://…`: PostgreSQL. `file:…`: a SQLite file. */
  DATABASE_URL: z.string().default(""),
  REDIS_URL: z.string().default(""),
  /** Chat messages written in batches, one transaction each, straight through the driver (lib/chat/message-writer.ts); false: one ORM transaction per message. */
  CHAT_GROUP_COMMIT: bool(true),
  /** Seals session cookies and visitor tokens. Generated and kept under DATA_DIR when unset. */
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Trust X-Forwarded-For from a load balancer in front of the app. */
  TRUST_PROXY: bool(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  // Demo tenant created on first start with an empty database.
  DEMO_TENANT_KEY: z.string().default("pk_demo"),
  DEMO_ADMIN_EMAIL: z.string().email().default("admin@demo.local"),
  DEMO_AGENT_EMAIL: z.string().email().default("agent@demo.local"),
  DEMO_ADMIN_PASSWORD: z.string().min(8).optional(),
  DEMO_AGENT_PASSWORD: z.string().min(8).optional(),
  SEED_DEMO: bool(true),
  /** open: anyone can create a workspace at /signup. closed: only the operator (npm run tenant:create). */
  SIGNUP: z.enum(["open", "closed"], { message: "SIGNUP must be open or closed" }).default("open"),

  // Local models (transformers.js on onnxruntime-node). Values are hub ids (e.g.
  // onnx-community/Qwen2.5-0.5B-Instruct) or folders; unset: the built-in defaults
  // (lib/models/defaults.ts), downloaded in the background; "none": turned off.
  CHAT_MODEL: z.string().default(""),
  EMBEDDING_MODEL: z.string().default(""),
  MODELS_DIR: z.string().default(""),
  ALLOW_REMOTE_MODELS: bool(true),
  /** Where hub models are downloaded from (a mirror, or a local stand-in in tests). Empty: https://huggingface.co. */
  HF_ENDPOINT: z.union([z.literal(""), z.string().url("HF_ENDPOINT must be a URL such as https://huggingface.co")]).default(""),
  /** Weight precision: q4/q8/int8/uint8 suit CPU-only servers; fp32 for exactness. */
  MODEL_DTYPE: z.enum(["auto", "fp32", "fp16", "q8", "int8", "uint8", "q4", "q4f16", "bnb4"]).default("q8"),
  CHAT_MAX_NEW_TOKENS: z.coerce.number().int().positive().default(160),
  CHAT_TIME_BUDGET_MS: z.coerce.number().int().positive().default(20_000),
  CHAT_CONCURRENCY: z.coerce.number().int().positive().default(4),
  CHAT_QUEUE_LIMIT: z.coerce.number().int().positive().default(200),
  MODEL_THREADS: z.coerce.number().int().min(0).default(0),

  // Limits.
  MAX_MESSAGE_CHARS: z.coerce.number().int().positive().default(2000),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Lets monitoring read /api/health's process figures (Authorization: Bearer …) without a session. */
  HEALTH_TOKEN: z.string().min(16, "HEALTH_TOKEN must be at least 16 characters").optional(),
  TRAINING_TIMEOUT_MS: z.coerce.number().int().positive().default(10 * 60_000),

  // Webhooks (lib/webhooks). Deliveries to private, loopback and link-local addresses are refused
  // unless WEBHOOKS_ALLOW_PRIVATE=true, which also allows plain http:// endpoints (development).
  WEBHOOKS_ALLOW_PRIVATE: bool(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Attempts per delivery (the first one included) before it is given up. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  /** Back-off before the second attempt; it doubles for each further one. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** Failed attempts in a row (no success between them) after which a webhook is disabled. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).default(20),

  // E-mail (lib/mail): smtp://user:pass@host:587 or smtps://…:465. Empty: no e-mail is sent.
  SMTP_URL: z.union([z.literal(""), z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://…")]).default(""),
  /** Sender of every e-mail, e.g. "Shop support <support@example.com>". Empty: no-reply@<PUBLIC_URL's host>. */
  MAIL_FROM: z.string().default(""),

  /** Turns on GET /metrics (Prometheus), served only with Authorization: Bearer <token>. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
});

export type Env = z.infer<typeof EnvSchema> & { dataDir: string; modelsDir: string; databaseKind: "sqlite" | "postgres" };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    ...e,
    dataDir,
    modelsDir: e.MODELS_DIR ? path.resolve(e.MODELS_DIR) : path.join(dataDir, "models"),
    databaseKind: /^postgres(ql)?:\/\//.test(e.DATABASE_URL) ? "postgres" : "sqlite",
  };
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the CLI tools re-read configuration after changing process.env. */
export function resetEnvForTests(): void {
  cached = undefined;
}
