// Test helpers for the human-handoff path against the real server: widget and agent Socket.IO
// clients that record every event (so a test can await one that already arrived), extra agents,
// and a trained tenant model published the way the training service stores one.
import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import { io as connect, type Socket } from "socket.io-client";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { loadTenantModel, trainTenantModel, writeModelFiles, type Decision, type TrainedModel } from "@/lib/training";
import { DEMO_FAQ } from "@/lib/seed/demo-faq";
import { buildKnowledge } from "@/lib/dialogue/knowledge";
import { decideTurn, type BotKnowledge } from "@/lib/dialogue/decide-turn";
import type { E2EApp } from "../../support/e2e-app";
import { waitForEvent } from "../../support/wait";
import { createMember, loginCookie } from "../../support/seed";

const WAIT_MS = 15_000;
export const PAGE_ORIGIN = "http://127.0.0.1:5555";

export interface Recorded {
  event: string;
  args: unknown[];
}

/** A Socket.IO client that keeps every received event, so `waitFor` also finds past ones. */
export class RecordingClient {
  readonly events: Recorded[] = [];
  constructor(readonly socket: Socket) {
    socket.onAny((event: string, ...args: unknown[]) => this.events.push({ event, args }));
  }

  /** Index to pass as `since` to only match events received from now on. */
  mark(): number {
    return this.events.length;
  }

  /** Resolves with the first payload of `event` (received at or after `since`) that matches. */
  waitFor<T = any>(event: string, match: (payload: T) => boolean = () => true, since = 0): Promise<T> {
    const found = this.events.slice(since).find((e) => e.event === event && match(e.args[0] as T));
    if (found) return Promise.resolve(found.args[0] as T);
    return waitForEvent<T>(this.socket, event, match, WAIT_MS).catch((err: Error) => {
      const seen = this.events.map((e) => `${e.event} ${JSON.stringify(e.args[0])?.slice(0, 160)}`).join("\n  ");
      throw new Error(`${err.message}; received:\n  ${seen}`);
    });
  }

  /** Emits with an ack and resolves with the server's answer. */
  call<T = any>(event: string, payload: unknown = {}): Promise<T> {
    return this.socket.timeout(WAIT_MS).emitWithAck(event, payload) as Promise<T>;
  }

  close(): void {
    this.socket.close();
  }
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

export class WidgetClient extends RecordingClient {
  visitorToken: string | null = null;

  async send(text: string): Promise<{ message: { id: string; seq: number; text: string } }> {
    const res = await this.call("message:send", { clientMessageId: crypto.randomUUID(), text });
    if (!res.ok) throw new Error(`message:send failed: ${JSON.stringify(res)}`);
    return res;
  }

  /** The visitor's current conversation id (from `sync`). */
  async conversationId(): Promise<string> {
    const res = await this.call("sync", { afterSeq: 0 });
    if (!res.ok || !res.conversationId) throw new Error(`no conversation: ${JSON.stringify(res)}`);
    return res.conversationId;
  }
}

/** A customer's widget on an allowed third-party page (a new visitor unless a token is given). */
export async function connectWidget(url: string, key: string, visitorToken?: string): Promise<WidgetClient> {
  const socket = connect(`${url}/widget`, {
    transports: ["websocket"],
    reconnection: false,
    // Never share an engine connection with another client of this test (headers differ).
    forceNew: true,
    auth: { key, visitorToken, language: "en" },
    extraHeaders: { origin: PAGE_ORIGIN },
  });
  const client = new WidgetClient(socket);
  const session = client.waitFor<{ visitorToken: string }>("session");
  await connected(socket);
  client.visitorToken = (await session).visitorToken;
  return client;
}

export class AgentClient extends RecordingClient {
  constructor(
    socket: Socket,
    readonly cookie: string,
  ) {
    super(socket);
  }

  async queue(): Promise<QueueLists> {
    const res = await this.call("queue:list");
    if (!res.ok) throw new Error(`queue:list failed: ${JSON.stringify(res)}`);
    return res;
  }

  /**
   * Like the console: refetches `queue:list` on every `queue:changed` (received at or after
   * `since`) until the lists satisfy `match`.
   */
  waitForQueue(match: (r: QueueLists) => boolean, since = 0): Promise<QueueLists> {
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (fn: () => void) => {
        done = true;
        clearTimeout(timer);
        this.socket.offAny(listener);
        fn();
      };
      const check = () =>
        void this.queue().then(
          (r) => !done && match(r) && finish(() => resolve(r)),
          (err) => !done && finish(() => reject(err)),
        );
      const listener = (name: string) => name === "queue:changed" && check();
      const timer = setTimeout(() => finish(() => reject(new Error("timed out waiting for the queue to change as expected"))), WAIT_MS);
      this.socket.onAny(listener);
      if (this.events.slice(since).some((e) => e.event === "queue:changed")) check();
    });
  }
}

type QueueLists = { queue: any[]; mine: any[]; tickets: any[]; me: any };

/** An agent console socket; `online` sets the presence the console sets on connect. */
export async function connectAgent(url: string, cookie: string, opts: { online?: boolean } = {}): Promise<AgentClient> {
  const socket = connect(`${url}/agent`, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { cookie } });
  const client = new AgentClient(socket, cookie);
  await connected(socket);
  if (opts.online ?? true) {
    const res = await client.call("presence:set", { presence: "online" });
    if (!res.ok) throw new Error(`presence:set failed: ${JSON.stringify(res)}`);
  }
  return client;
}

export async function loginAgent(app: E2EApp, user: { email: string; password: string }, opts: { online?: boolean } = {}): Promise<AgentClient> {
  return connectAgent(app.server.url, await loginCookie(app.server.url, user.email, user.password), opts);
}

/** One more agent in a tenant (the seed gives one agent and one admin). */
export async function addAgent(db: Db, tenantId: string, name: string): Promise<{ id: string; email: string; password: string; name: string }> {
  const password = "another-horse-battery";
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${crypto.randomBytes(3).toString("hex")}@test.local`;
  const user = await createMember(db, { tenantId, email, name, role: "agent", passwordHash: await hashPassword(password) });
  return { id: user.id, email, password, name };
}

let trained: Promise<TrainedModel> | undefined;
let loaded: Promise<BotKnowledge> | undefined;

/** The demo FAQ trained as the server trains it (phrasings plus answer sentences). */
function demoModel(): Promise<TrainedModel> {
  trained ??= trainTenantModel(
    DEMO_FAQ.flatMap((e) => [e.question, ...e.alternatives].map((text) => ({ text, label: e.key }))),
    { seed: 0, answers: Object.fromEntries(DEMO_FAQ.map((e) => [e.key, e.answer])) },
  );
  return trained;
}

/** A tenant's settings with some values changed (e.g. `{ unknownToQueue: true }`). */
export async function patchTenantSettings(db: Db, tenantId: string, patch: Record<string, unknown>): Promise<void> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  await db.tenant.update({ where: { id: tenantId }, data: { settings: JSON.parse(JSON.stringify({ ...((tenant.settings as object) ?? {}), ...patch })) } });
}

/**
 * The first `count` of `candidates` that the demo model decides as one of `kinds` — exactly what
 * the server decides, since it loads the same files. Tests pick their phrases this way so a change
 * in training or calibration does not silently turn "a question the FAQ does not cover" into one
 * it answers.
 */
export async function phrasesDecidedAs(kinds: Array<Decision["kind"] | "offtopic" | "unknown">, candidates: string[], count = 1): Promise<string[]> {
  loaded ??= demoModel().then(async (m) => buildKnowledge(await loadTenantModel(m.files, { entries: DEMO_FAQ.map((e) => ({ key: e.key, answer: e.answer, language: e.language })) }), DEMO_FAQ));
  const knowledge = await loaded;
  const picked: string[] = [];
  for (const text of candidates) {
    // The live chat's first-message decision (lib/dialogue): an in-domain question without an
    // answer counts as "handoff".
    const d = await decideTurn({ text, history: [], conversationLanguage: null, defaultLanguage: "en" }, knowledge);
    const kind = d.kind === "unknown" || (d.kind === "offtopic" && !d.marker) ? "handoff" : d.kind;
    // "unknown" asks for exactly that kind (an in-domain question near no entry), not "handoff" at large.
    if ((kinds as string[]).includes(kind) || (kinds as string[]).includes(d.kind)) picked.push(text);
    if (picked.length === count) return picked;
  }
  throw new Error(`only ${picked.length} of the candidates are decided as ${kinds.join("/")}; add candidates`);
}

/** Questions the demo shop's FAQ does not cover (none asks for a person or sounds frustrated). */
export const UNCOVERED = {
  en: [
    "Is the blue sofa available in velvet?",
    "Can I book a table for two tonight?",
    "Does the jacket come in extra large?",
    "Do you have a physical store in Madrid?",
    "Can I bring my dog to your office?",
    "Do you offer gift wrapping?",
    "Can I pay in bitcoin?",
    "Are you hiring software engineers?",
    "Do you sell gift cards for birthdays?",
    "what is the weather on mars today",
  ],
  es: ["¿Tienen tienda física en Madrid?", "¿Venden bicicletas eléctricas?", "¿Puedo llevar a mi perro a la oficina?", "¿Tienen el sofá azul en terciopelo?", "¿Organizan talleres de cocina?"],
};

/**
 * Gives a tenant the demo shop FAQ and a model trained on it, stored like the training service
 * does (files under the server's DATA_DIR, a published ModelVersion, the tenant's active model).
 * Call before the tenant's first customer message: the server caches "no model" per tenant.
 */
export async function publishDemoModel(app: E2EApp, tenantId: string): Promise<void> {
  const model = await demoModel();
  const { db } = app;
  const faq = await db.faqVersion.create({ data: { tenantId, number: 1, source: "seed", entryCount: DEMO_FAQ.length } });
  await db.faqEntry.createMany({
    data: DEMO_FAQ.map((f, i) => ({ tenantId, versionId: faq.id, key: f.key, question: f.question, alternatives: f.alternatives, answer: f.answer, category: f.category, language: f.language, position: i })),
  });
  const rel = path.join("tenant-models", tenantId, "v1");
  await fs.rm(path.join(app.server.dataDir, rel), { recursive: true, force: true });
  await writeModelFiles(path.join(app.server.dataDir, rel), model.files);
  const version = await db.modelVersion.create({
    data: {
      tenantId,
      faqVersionId: faq.id,
      number: 1,
      kind: model.kind,
      artifactPath: rel,
      checksum: model.checksum,
      sizeBytes: model.sizeBytes,
      evaluation: model.evaluation as object,
      calibration: model.calibration as object,
      status: "published",
      publishedAt: new Date(),
    },
  });
  await db.tenant.update({ where: { id: tenantId }, data: { activeModelId: version.id } });
}
