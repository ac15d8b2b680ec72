// Group commit for the chat's hot writes: every message appended (customer, bot reply with its
// decision row, agent, system) joins a queue; the queue is written in one transaction per batch,
// with SQL straight through the driver (better-sqlite3 or pg) instead of the ORM, and each caller
// is answered only once its batch has committed — so a message is acknowledged only when durable.
//
// Batches form by themselves: jobs that arrive in the same turn of the event loop, and all that
// arrive while a batch is being committed, go into the next one. Jobs run in arrival order inside
// the transaction and only one batch is in flight, so the messages of a conversation are numbered
// in the order they were sent. Sequence numbers come from Conversation.lastSeq (never behind the
// stored messages), incremented under the conversation's write lock as before.
//
// If a statement fails, the batch is rolled back and its jobs are run again one per transaction,
// so one bad write (a conversation deleted meanwhile) fails alone.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { dbTarget, Prisma, type Db, type DbTarget } from "@/lib/db";
import { logger } from "@/lib/log/logger";
import type { AppendOptions, NewMessage } from "@/lib/chat/conversation-store";

type MessageRow = Awaited<ReturnType<Db["message"]["create"]>>;
type Row = Record<string, unknown>;
interface Statement {
  sql: string;
  params: unknown[];
}

export interface WriteOutcome {
  /** The stored row; null when a bot reply was dropped (a person owns the conversation). */
  row: MessageRow | null;
  duplicate: boolean;
}

interface Job {
  m: NewMessage;
  opts: AppendOptions;
  /** Customer messages: a stored row with the same client id is returned instead of a new one. */
  dedupe: boolean;
  resolve: (o: WriteOutcome) => void;
  reject: (e: Error) => void;
}

/** What a job's steps yield on completion: the outcome, or the id of an existing duplicate. */
type JobResult = { row: MessageRow | null; duplicateId?: string };

/** Most jobs in one transaction; a larger queue is written in several. */
const MAX_BATCH = 256;
/** How long a batch waits for another connection's write lock before failing its jobs. */
const BUSY_GIVE_UP_MS = 15_000;

const BOT_OWNS_SQL = `AND "owner" = 'bot' AND "status" NOT IN ('queued', 'assigned')`;
const CONVERSATION_FIELDS = new Set(["language", "unansweredStreak", "status", "owner", "assignedAgentId", "resolvedAt"]);
const DECISION_FIELDS = new Set(["tenantId", "conversationId", "messageId", "modelVersionId", "kind", "faqEntryKey", "confidence", "reason", "text", "candidates"]);
const JSON_FIELDS = new Set(["candidates"]);

interface Dialect {
  greatest(a: string, b: string): string;
  date(d: Date): string;
}
const SQLITE: Dialect = { greatest: (a, b) => `MAX(${a}, ${b})`, date: (d) => d.toISOString().replace("Z", "+00:00") };
// Prisma stores DateTime as timestamp(3) in UTC: an ISO string without the zone is read as such.
const POSTGRES: Dialect = { greatest: (a, b) => `GREATEST(${a}, ${b})`, date: (d) => d.toISOString().slice(0, -1) };

let idCounter = Math.floor(Math.random() * 36 ** 4);
/** cuid-like ids (what Prisma's @default(cuid()) makes): time first, so new rows go to the index's end. */
export function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  return `c${Date.now().toString(36).padStart(9, "0")}${idCounter.toString(36).padStart(4, "0")}${randomBytes(8).toString("hex").slice(0, 11)}`;
}

function param(d: Dialect, v: unknown): unknown {
  if (v instanceof Date) return d.date(v);
  if (typeof v === "boolean") return d === SQLITE ? Number(v) : v;
  if (v !== null && typeof v === "object") return JSON.stringify(v);
  return v ?? null;
}

/** The steps of one append, as statements; the driver feeds each statement's rows back. */
function* appendSteps(job: Job, d: Dialect): Generator<Statement, JobResult, Row[]> {
  const { m, opts } = job;
  if (job.dedupe && m.clientMessageId) {
    const found = yield { sql: `SELECT "id" FROM "Message" WHERE "conversationId" = ? AND "clientMessageId" = ?`, params: [m.conversationId, m.clientMessageId] };
    if (found.length > 0) return { row: null, duplicateId: String(found[0].id) };
  }
  const now = new Date();
  const sets = [`"lastSeq" = ${d.greatest(`"lastSeq"`, `(SELECT COALESCE(MAX("seq"), 0) FROM "Message" WHERE "conversationId" = ?)`)} + 1`, `"updatedAt" = ?`];
  const params: unknown[] = [m.conversationId, d.date(now)];
  for (const [field, value] of Object.entries(opts.conversation ?? {})) {
    if (!CONVERSATION_FIELDS.has(field)) throw new Error(`message writer: conversation field ${field} is not supported`);
    sets.push(`"${field}" = ?`);
    params.push(param(d, value));
  }
  params.push(m.conversationId);
  const updated = yield { sql: `UPDATE "Conversation" SET ${sets.join(", ")} WHERE "id" = ? ${opts.onlyIfBotOwns ? BOT_OWNS_SQL : ""} RETURNING "lastSeq"`, params };
  if (updated.length === 0) {
    const exists = yield { sql: `SELECT "id" FROM "Conversation" WHERE "id" = ?`, params: [m.conversationId] };
    // A person owns it now (on any instance): the bot's reply is dropped.
    if (opts.onlyIfBotOwns && exists.length > 0) return { row: null };
    throw new Error(`conversation ${m.conversationId} not found`);
  }
  const row: MessageRow = {
    id: newId(),
    tenantId: m.tenantId,
    conversationId: m.conversationId,
    seq: Number(updated[0].lastSeq),
    role: m.role,
    text: m.text,
    clientMessageId: m.clientMessageId ?? null,
    authorId: m.authorId ?? null,
    faqEntryId: m.faqEntryId ?? null,
    confidence: m.confidence ?? null,
    state: "complete",
    feedback: null,
    metadata: (m.metadata ?? {}) as MessageRow["metadata"],
    createdAt: now,
  };
  const columns = ["id", "tenantId", "conversationId", "seq", "role", "text", "clientMessageId", "authorId", "faqEntryId", "confidence", "state", "metadata", "createdAt"] as const;
  const inserted = yield {
    sql: `INSERT INTO "Message" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ON CONFLICT DO NOTHING RETURNING "id"`,
    params: columns.map((c) => param(d, row[c])),
  };
  if (inserted.length === 0) {
    // Only the client id can collide (the seq is above every stored one): give the number back.
    yield { sql: `UPDATE "Conversation" SET "lastSeq" = "lastSeq" - 1 WHERE "id" = ?`, params: [m.conversationId] };
    if (job.dedupe) {
      const found = yield { sql: `SELECT "id" FROM "Message" WHERE "conversationId" = ? AND "clientMessageId" = ?`, params: [m.conversationId, m.clientMessageId] };
      return { row: null, duplicateId: String(found[0]?.id) };
    }
    throw new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`conversationId`,`clientMessageId`)", {
      code: "P2002",
      clientVersion: Prisma.prismaVersion.client,
      meta: { modelName: "Message", target: ["conversationId", "clientMessageId"] },
    });
  }
  if (opts.decision) {
    const fields = Object.keys(opts.decision).filter((f) => opts.decision![f] !== undefined);
    for (const f of fields) if (!DECISION_FIELDS.has(f)) throw new Error(`message writer: decision field ${f} is not supported`);
    const values = fields.map((f) => (JSON_FIELDS.has(f) ? JSON.stringify(opts.decision![f]) : param(d, opts.decision![f])));
    yield {
      sql: `INSERT INTO "Decision" ("id", "createdAt", ${fields.map((f) => `"${f}"`).join(", ")}) VALUES (?, ?, ${fields.map(() => "?").join(", ")})`,
      params: [newId(), d.date(now), ...values],
    };
  }
  return { row };
}

type BatchRun = { ok: true; results: JobResult[] } | { ok: false; busy: boolean; error: Error };

interface Driver {
  run(jobs: Job[]): Promise<BatchRun>;
  /** One read outside any batch. */
  read(s: Statement): Promise<Row[]>;
  close(): Promise<void>;
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * SQLite: a connection of our own to the same file, run synchronously (better-sqlite3), so the
 * transaction is never open across a turn of the event loop. No busy wait: if the ORM's connection
 * holds the write lock (one of its interactive transactions), the batch is tried again shortly.
 */
function sqliteDriver(file: string): Driver {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 0");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  const exec = (s: Statement): Row[] => {
    let stmt = statements.get(s.sql);
    if (!stmt) statements.set(s.sql, (stmt = db.prepare(s.sql)));
    if (stmt.reader) return stmt.all(...s.params) as Row[];
    stmt.run(...s.params);
    return [];
  };
  return {
    async read(s) {
      return exec(s);
    },
    async run(jobs) {
      try {
        db.exec("BEGIN IMMEDIATE");
      } catch (e) {
        return { ok: false, busy: (e as { code?: string }).code === "SQLITE_BUSY", error: asError(e) };
      }
      try {
        const results = jobs.map((job) => {
          const steps = appendSteps(job, SQLITE);
          let next = steps.next([]);
          while (!next.done) next = steps.next(exec(next.value));
          return next.value;
        });
        db.exec("COMMIT");
        return { ok: true, results };
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        return { ok: false, busy: (e as { code?: string }).code === "SQLITE_BUSY", error: asError(e) };
      }
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL: one connection of our own; statements are prepared once per connection. */
function postgresDriver(url: string): Driver {
  // Two connections: batches (one at a time) and the occasional read beside them.
  const pool = new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true, idleTimeoutMillis: 10_000 });
  // An idle connection the server closed (restart, failover) is replaced on the next batch.
  pool.on("error", (e) => logger.warn({ err: e.message }, "message writer: database connection lost"));
  const names = new Map<string, { name: string; text: string }>();
  const prepared = (sql: string) => {
    let p = names.get(sql);
    if (!p) {
      let i = 0;
      names.set(sql, (p = { name: `mw${names.size}`, text: sql.replace(/\?/g, () => `$${++i}`) }));
    }
    return p;
  };
  return {
    async read(s) {
      return (await pool.query({ ...prepared(s.sql), values: s.params })).rows;
    },
    async run(jobs) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const results: JobResult[] = [];
        for (const job of jobs) {
          const steps = appendSteps(job, POSTGRES);
          let next = steps.next([]);
          while (!next.done) next = steps.next((await client.query({ ...prepared(next.value.sql), values: next.value.params })).rows);
          results.push(next.value);
        }
        await client.query("COMMIT");
        return { ok: true, results };
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        return { ok: false, busy: false, error: asError(e) };
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

export class MessageWriter {
  private queue: Job[] = [];
  private flushing = false;
  private scheduled = false;
  private closed = false;
  /** Batches committed and jobs in them (tests and the benchmark look at these). */
  readonly stats = { batches: 0, jobs: 0, largest: 0 };

  constructor(
    private readonly db: Db,
    private readonly driver: Driver,
  ) {}

  append(m: NewMessage, opts: AppendOptions, dedupe: boolean): Promise<WriteOutcome> {
    if (this.closed) return Promise.reject(new Error("message writer closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ m, opts, dedupe, resolve, reject });
      if (!this.flushing && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.flushing = false;
    }
  }

  private async commit(batch: Job[]): Promise<void> {
    const started = Date.now();
    for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
      const run = await this.driver.run(batch);
      if (run.ok) {
        this.stats.batches++;
        this.stats.jobs += batch.length;
        this.stats.largest = Math.max(this.stats.largest, batch.length);
        await Promise.all(batch.map((job, i) => this.settle(job, run.results[i])));
        return;
      }
      if (run.busy && Date.now() - started < BUSY_GIVE_UP_MS) {
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      if (batch.length === 1) {
        batch[0].reject(run.error);
        return;
      }
      // One job failed and took the batch with it: each on its own, in order, finds which.
      logger.debug({ err: run.error.message, jobs: batch.length }, "message batch failed; writing its messages one by one");
      for (const job of batch) await this.commit([job]);
      return;
    }
  }

  private async settle(job: Job, r: JobResult): Promise<void> {
    if (r.duplicateId === undefined) return job.resolve({ row: r.row, duplicate: false });
    // A re-sent customer message (rare): the stored row, read through the ORM for its exact types.
    try {
      const row = await this.db.message.findUnique({ where: { id: r.duplicateId } });
      if (!row) throw new Error(`message ${r.duplicateId} vanished`);
      job.resolve({ row, duplicate: true });
    } catch (e) {
      job.reject(asError(e));
    }
  }

  /** The id of the stored message with this client id, if any: a cheap read beside the ORM's. */
  async findClientMessage(conversationId: string, clientMessageId: string): Promise<string | null> {
    const rows = await this.driver.read({ sql: `SELECT "id" FROM "Message" WHERE "conversationId" = ? AND "clientMessageId" = ?`, params: [conversationId, clientMessageId] });
    return rows.length > 0 ? String(rows[0].id) : null;
  }

  /** Writes what is queued, then closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.flushing || this.queue.length > 0) {
      if (!this.flushing) await this.flush();
      else await new Promise((r) => setTimeout(r, 5));
    }
    await this.driver.close();
  }
}

const writers = new WeakMap<Db, MessageWriter>();

/** The writer of a client's database; null for an in-memory SQLite database (no second connection can see it). */
export function messageWriter(db: Db): MessageWriter | null {
  let w = writers.get(db);
  if (w) return w;
  const target: DbTarget = dbTarget(db);
  if (target.kind === "sqlite" && target.file === ":memory:") return null;
  w = new MessageWriter(db, target.kind === "sqlite" ? sqliteDriver(target.file) : postgresDriver(target.url));
  writers.set(db, w);
  return w;
}
