// Bounded concurrency for generations with a fair waiting line: waiters are grouped by key
// (tenant, or conversation) and served round-robin across keys, FIFO within a key, so one busy
// tenant cannot starve the others. The line itself is bounded; a waiter whose signal aborts
// leaves it at once.
export class QueueFullError extends Error {
  constructor() {
    super("generation queue is full");
    this.name = "QueueFullError";
  }
}

export class QueueAbortedError extends Error {
  constructor() {
    super("left the generation queue");
    this.name = "QueueAbortedError";
  }
}

interface Waiter {
  key: string;
  grant: (release: () => void) => void;
  fail: (e: Error) => void;
}

export class FairQueue {
  private active = 0;
  private waiting = 0;
  /** Keys with waiters, in service order; the head is served next. */
  private readonly rotation: string[] = [];
  private readonly lines = new Map<string, Waiter[]>();

  constructor(
    private readonly concurrency: number,
    private readonly limit: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting;
  }

  /**
   * Resolves with a release function once a slot is free. `onQueued` is called (synchronously)
   * when the caller has to wait, with how many waiters are ahead of it.
   */
  acquire(key: string, opts: { signal?: AbortSignal; onQueued?: (ahead: number) => void } = {}): Promise<() => void> {
    if (opts.signal?.aborted) return Promise.reject(new QueueAbortedError());
    if (this.active < this.concurrency && this.waiting === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting >= this.limit) return Promise.reject(new QueueFullError());

    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (this.remove(waiter)) reject(new QueueAbortedError());
      };
      const waiter: Waiter = {
        key,
        grant: (release) => {
          opts.signal?.removeEventListener("abort", onAbort);
          resolve(release);
        },
        fail: reject,
      };
      const ahead = this.waiting;
      let line = this.lines.get(key);
      if (!line) {
        line = [];
        this.lines.set(key, line);
        this.rotation.push(key);
      }
      line.push(waiter);
      this.waiting++;
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      opts.onQueued?.(ahead);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.dispatch();
    };
  }

  private dispatch(): void {
    while (this.active < this.concurrency && this.rotation.length > 0) {
      const key = this.rotation.shift()!;
      const line = this.lines.get(key)!;
      const next = line.shift()!;
      if (line.length > 0) this.rotation.push(key);
      else this.lines.delete(key);
      this.waiting--;
      this.active++;
      next.grant(this.releaser());
    }
  }

  private remove(w: Waiter): boolean {
    const line = this.lines.get(w.key);
    const i = line?.indexOf(w) ?? -1;
    if (!line || i < 0) return false;
    line.splice(i, 1);
    this.waiting--;
    if (line.length === 0) {
      this.lines.delete(w.key);
      this.rotation.splice(this.rotation.indexOf(w.key), 1);
    }
    return true;
  }
}
