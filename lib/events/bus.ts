// The in-process domain event bus (catalogue: lib/events/catalogue.ts). Typed: publishing or
// subscribing to a name missing from the catalogue does not compile. One emitter per process on
// globalThis, so Next's route bundle and the server's module graph share it. Listeners run
// synchronously in subscription order; one that throws is logged and never breaks the publisher.
import { EventEmitter } from "node:events";
import { logger } from "@/lib/log/logger";
import type { DomainEvents, EventName } from "@/lib/events/catalogue";

export type { DomainEvents, EventName } from "@/lib/events/catalogue";

/** `origin`: the instance an event was relayed from (null: published in this process). */
export interface EventMeta {
  origin: string | null;
}

type Listener<K extends EventName> = (payload: DomainEvents[K], meta: EventMeta) => void | Promise<void>;
type AnyListener = <K extends EventName>(name: K, payload: DomainEvents[K], meta: EventMeta) => void;

const g = globalThis as unknown as { __faqbotEventBus?: EventEmitter };
const emitter = (g.__faqbotEventBus ??= new EventEmitter().setMaxListeners(100));
const ANY = Symbol.for("faqbot:any-event");

function run(name: string, fn: () => void | Promise<void>): void {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((err: unknown) => logger.error({ err, event: name }, "event listener failed"));
  } catch (err) {
    logger.error({ err, event: name }, "event listener failed");
  }
}

function deliver<K extends EventName>(name: K, payload: DomainEvents[K], meta: EventMeta): void {
  for (const fn of emitter.listeners(name)) run(name, () => (fn as Listener<K>)(payload, meta));
  for (const fn of emitter.listeners(ANY)) run(name, () => (fn as AnyListener)(name, payload, meta));
}

/** Records that something happened. */
export function publish<K extends EventName>(name: K, payload: DomainEvents[K]): void {
  deliver(name, payload, { origin: null });
}

/** Hands an event relayed from another instance to this process's listeners (lib/scale/setup.ts). */
export function deliverRelayed<K extends EventName>(name: K, payload: DomainEvents[K], origin: string): void {
  deliver(name, payload, { origin });
}

export function subscribe<K extends EventName>(name: K, fn: Listener<K>): () => void {
  emitter.on(name, fn);
  return () => emitter.off(name, fn);
}

/** Every event, for relays and recorders. */
export function subscribeAll(fn: AnyListener): () => void {
  emitter.on(ANY, fn);
  return () => emitter.off(ANY, fn);
}
