// Process metrics for operators and benchmarks: event-loop delay over the last ~30 seconds (a
// ring of 5-second histograms) and memory. Started once by the server.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

const WINDOW_MS = 5_000;
const WINDOWS = 6;

const g = globalThis as unknown as { __faqbotLoop?: { current: IntervalHistogram; done: { p50: number; p99: number; max: number; count: number }[]; timer: NodeJS.Timeout } };

export function startMetrics(): void {
  if (g.__faqbotLoop) return;
  const current = monitorEventLoopDelay({ resolution: 10 });
  current.enable();
  const state = { current, done: [] as { p50: number; p99: number; max: number; count: number }[], timer: setInterval(() => rotate(), WINDOW_MS).unref() };
  g.__faqbotLoop = state;
}

function snapshot(h: IntervalHistogram) {
  return { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6, count: h.count };
}

function rotate(): void {
  const s = g.__faqbotLoop!;
  s.done.push(snapshot(s.current));
  if (s.done.length > WINDOWS) s.done.shift();
  s.current.reset();
}

export interface ProcessMetrics {
  eventLoopDelayMs: { p50: number; p99: number; max: number } | null;
  memory: { rssBytes: number; heapUsedBytes: number };
}

export function processMetrics(): ProcessMetrics {
  const m = process.memoryUsage();
  const s = g.__faqbotLoop;
  let loop: ProcessMetrics["eventLoopDelayMs"] = null;
  if (s) {
    const all = [...s.done, snapshot(s.current)].filter((w) => w.count > 0);
    if (all.length > 0) {
      const round = (n: number) => Math.round(n * 10) / 10;
      loop = {
        p50: round(Math.max(...all.map((w) => w.p50))),
        p99: round(Math.max(...all.map((w) => w.p99))),
        max: round(Math.max(...all.map((w) => w.max))),
      };
    }
  }
  return { eventLoopDelayMs: loop, memory: { rssBytes: m.rss, heapUsedBytes: m.heapUsed } };
}
