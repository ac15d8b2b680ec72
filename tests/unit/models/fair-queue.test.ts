import { describe, expect, it } from "vitest";
import { FairQueue, QueueAbortedError, QueueFullError } from "@/lib/models/fair-queue";

describe("FairQueue", () => {
  it("serves waiting tenants round-robin, FIFO within a tenant", async () => {
    const q = new FairQueue(1, 10);
    const order: string[] = [];
    const first = await q.acquire("t1");
    const waits = [
      ["t1", "b"],
      ["t1", "c"],
      ["t2", "d"],
      ["t3", "e"],
      ["t2", "f"],
    ].map(([key, name]) =>
      q.acquire(key).then((release) => {
        order.push(name);
        release(); // each one finishes right away, handing the slot on
      }),
    );
    expect(q.queued).toBe(5);
    first();
    await Promise.all(waits);
    expect(order).toEqual(["b", "d", "e", "c", "f"]);
    expect(q.running).toBe(0);
  });

  it("tells a waiter how many are ahead, and lets an aborted waiter leave the line", async () => {
    const q = new FairQueue(1, 10);
    const release = await q.acquire("a");
    const ahead: number[] = [];
    const ctrl = new AbortController();
    const leaving = q.acquire("b", { signal: ctrl.signal, onQueued: (n) => ahead.push(n) });
    const staying = q.acquire("c", { onQueued: (n) => ahead.push(n) });
    expect(ahead).toEqual([0, 1]);
    ctrl.abort();
    await expect(leaving).rejects.toBeInstanceOf(QueueAbortedError);
    expect(q.queued).toBe(1);
    release();
    (await staying)();
    expect(q.running).toBe(0);
  });

  it("rejects beyond the queue limit", async () => {
    const q = new FairQueue(1, 1);
    await q.acquire("a");
    void q.acquire("b");
    await expect(q.acquire("c")).rejects.toBeInstanceOf(QueueFullError);
  });
});
