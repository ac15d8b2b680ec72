// In-process events of the tenant-model domain (a model was published, training progressed).
// A process-wide emitter on globalThis, so Next's route bundle and the server's module graph see
// the same one; the scale-out layer relays these between instances.
import { EventEmitter } from "node:events";

export interface TenantModelEvents {
  /** `origin`: set when relayed from another instance (lib/scale/setup.ts). */
  published: { tenantId: string; modelVersionId: string | null; origin?: string };
  "training:progress": { tenantId: string; runId: string; status: string; phase: string | null; progress: number; error?: string | null; modelVersionId?: string | null };
}

const g = globalThis as unknown as { __faqbotModelEvents?: EventEmitter };
const emitter = (g.__faqbotModelEvents ??= new EventEmitter().setMaxListeners(100));

export function emitModelEvent<K extends keyof TenantModelEvents>(name: K, payload: TenantModelEvents[K]): void {
  emitter.emit(name, payload);
}

/** Emits without relaying to other instances (used by the relay itself). */
export function emitModelEventLocal<K extends keyof TenantModelEvents>(name: K, payload: TenantModelEvents[K]): void {
  emitter.emit(name, payload);
}

export function onModelEvent<K extends keyof TenantModelEvents>(name: K, fn: (p: TenantModelEvents[K]) => void): () => void {
  emitter.on(name, fn);
  return () => emitter.off(name, fn);
}
