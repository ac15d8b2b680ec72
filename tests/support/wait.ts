// Waiting in tests, one way everywhere: `waitFor` polls a condition until it holds, `waitForEvent`
// resolves with the next matching Socket.IO event. Both fail with a message naming what they
// waited for. (Plain timers rather than vitest's vi.waitUntil: the app-server helper that uses
// this also runs outside vitest, in `npm run bench:chat`.)
import { setTimeout as sleep } from "node:timers/promises";

export interface WaitOptions {
  /** Give up after this many milliseconds (default 15 s). */
  timeout?: number;
  /** Milliseconds between two probes (default 200). */
  interval?: number;
}

/**
 * Calls `probe` until it returns a truthy value and resolves with that value. A probe that throws
 * ends the wait with its error; a probe still false after `timeout` fails naming `what`.
 */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, { timeout = 15_000, interval = 200 }: WaitOptions = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() + interval > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}

/** What `waitForEvent` needs of a socket (a Socket.IO client socket, typed or not). */
interface EventSource {
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
}

/** Resolves with the first payload of `event` that arrives from now on and satisfies `match`. */
export function waitForEvent<T = any>(socket: EventSource, event: string, match: (payload: T) => boolean = () => true, timeout = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out after ${timeout} ms waiting for the event "${event}"`));
    }, timeout);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}
