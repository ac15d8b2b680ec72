// Continuous batching for plain decoder exports (the sessions greedy-loop.ts accepts): replies
// generating at the same time share each forward pass. Sequences join and leave the batch
// between steps; each keeps its own KV cache rows, left-padded to the longest one, with an
// attention mask that hides the padding and position ids of its own. While the batch does not
// change, the step's `present` tensors are the next step's past as they are (no copy); a join or
// a leave re-lays the rows once.
//
// A newcomer's prompt is prefilled alone, between two steps, reusing the KV cache of the longest
// common prefix with a recent prompt (the system prompt and FAQ passages are shared by replies of
// one workspace, only the conversation differs), so the replies already running stall for the
// suffix only and a burst of arrivals does not pay the full prompt once per reply.
import * as ort from "onnxruntime-node";
import type { decoderSession } from "./greedy-loop";
import type { GenerationOutcome, GenerationRequest, RunningGeneration, StopReason } from "./token-generator";

type Session = NonNullable<ReturnType<typeof decoderSession>>;
type Cache = Record<string, ort.Tensor>;
type CacheData = Float32Array | Uint16Array;

export interface BatchDecoderOptions {
  /** Most sequences in one forward pass; later arrivals wait (FIFO) for a place. */
  maxBatch: number;
  eos: Set<number>;
  repetitionPenalty: number;
  /** Prompts whose KV cache is kept for prefix reuse (0: none). */
  prefixEntries?: number;
}

interface Sequence {
  prompt: number[];
  maxNewTokens: number;
  onToken: (id: number) => void;
  penalised: Set<number> | null;
  stop: StopReason | null;
  emitted: number;
  /** Last token produced (the next step's input). */
  last: number;
  /** Tokens in this sequence's cache. */
  length: number;
  /** Its own cache [1, heads, length, dim] until it is laid into the batch. */
  own: Cache | null;
  /** Its row in the batch's cache once laid in. */
  row: number;
  timer: ReturnType<typeof setTimeout>;
  settle: (o: GenerationOutcome | Error) => void;
}

const alloc = (like: CacheData, n: number): CacheData => (like instanceof Uint16Array ? new Uint16Array(n) : new Float32Array(n));

/** Shortest shared prefix worth reusing: below this, copying the cache costs about what it saves. */
const MIN_PREFIX = 16;

export class BatchDecoder {
  private readonly pending: Sequence[] = [];
  private active: Sequence[] = [];
  /** The batch's cache, [active.length, heads, columns, dim]; rows right-aligned. */
  private past: Cache = {};
  private columns = 0;
  private loop: Promise<void> | null = null;
  private readonly prefixes: { ids: number[]; cache: Cache }[] = [];
  private readonly pastNames: string[];
  private readonly extras: Cache = {};
  private readonly wantsPositions: boolean;
  private readonly useCacheBranch: boolean;
  /** Forward passes run, and how many sequences they carried in total (for tests and the benchmark). */
  readonly stats = { steps: 0, rows: 0, widest: 0, prefills: 0, prefixTokensReused: 0 };

  constructor(
    private readonly session: Session,
    private readonly opts: BatchDecoderOptions,
  ) {
    this.pastNames = session.inputNames.filter((n) => n.startsWith("past_key_values."));
    if (session.inputNames.includes("num_logits_to_keep")) this.extras.num_logits_to_keep = new ort.Tensor("int64", BigInt64Array.from([1n]), []);
    this.wantsPositions = session.inputNames.includes("position_ids");
    this.useCacheBranch = session.inputNames.includes("use_cache_branch");
  }

  get size(): { active: number; waiting: number } {
    return { active: this.active.length, waiting: this.pending.length };
  }

  start(req: GenerationRequest, onToken: (id: number) => void): RunningGeneration {
    let settle!: Sequence["settle"];
    const done = new Promise<GenerationOutcome>((resolve, reject) => {
      settle = (o) => (o instanceof Error ? reject(o) : resolve(o));
    });
    const seq: Sequence = {
      prompt: req.inputIds,
      maxNewTokens: req.maxNewTokens,
      onToken,
      penalised: this.opts.repetitionPenalty !== 1 ? new Set(req.inputIds) : null,
      stop: null,
      emitted: 0,
      last: 0,
      length: 0,
      own: null,
      row: -1,
      timer: setTimeout(() => (seq.stop ??= "time_budget"), req.timeBudgetMs),
      settle: (o) => {
        clearTimeout(seq.timer);
        settle(o);
      },
    };
    if (req.maxNewTokens <= 0) seq.settle({ tokens: 0, stop: "max_tokens" });
    else {
      this.pending.push(seq);
      this.loop ??= this.run().finally(() => (this.loop = null));
    }
    return {
      done,
      cancel() {
        seq.stop ??= "cancelled";
      },
    };
  }

  private async run(): Promise<void> {
    while (this.pending.length > 0 || this.active.length > 0) {
      try {
        let changed = this.dropStopped();
        const joined: Sequence[] = [];
        while (this.active.length + joined.length < this.opts.maxBatch && this.pending.length > 0) {
          const seq = this.pending.shift()!;
          if (seq.stop) {
            seq.settle({ tokens: 0, stop: seq.stop });
            continue;
          }
          try {
            await this.prefill(seq);
          } catch (e) {
            seq.settle(e instanceof Error ? e : new Error(String(e)));
            continue;
          }
          if (!this.finished(seq)) joined.push(seq);
        }
        if (joined.length > 0 || changed) this.relayout([...this.active, ...joined]);
        if (this.active.length === 0) continue;
        await this.step();
        changed = this.dropFinished();
        if (changed) this.relayout(this.active);
      } catch (e) {
        // A failed forward pass fails the batch it carried; later arrivals still get a try.
        const error = e instanceof Error ? e : new Error(String(e));
        for (const seq of this.active) seq.settle(error);
        this.active = [];
        this.past = {};
        this.columns = 0;
      }
    }
  }

  /** Sequences cancelled or out of time since the last step leave before the next one. */
  private dropStopped(): boolean {
    for (const s of this.pending.filter((p) => p.stop)) {
      this.pending.splice(this.pending.indexOf(s), 1);
      s.settle({ tokens: 0, stop: s.stop! });
    }
    const before = this.active.length;
    this.active = this.active.filter((s) => {
      if (!s.stop) return true;
      s.settle({ tokens: s.emitted, stop: s.stop });
      return false;
    });
    return this.active.length !== before;
  }

  private dropFinished(): boolean {
    const before = this.active.length;
    this.active = this.active.filter((s) => !this.finished(s));
    return this.active.length !== before;
  }

  /** Settles a sequence that has nothing more to generate; true if it did. */
  private finished(seq: Sequence): boolean {
    if (seq.stop === null && seq.emitted < seq.maxNewTokens) return false;
    seq.settle({ tokens: seq.emitted, stop: seq.stop ?? "max_tokens" });
    return true;
  }

  /** Picks a row's next token and hands it on; eos ends the sequence without a token. */
  private take(seq: Sequence, logits: Float32Array, offset: number, vocab: number): void {
    if (seq.stop) return; // cancelled during the pass: no token after cancellation
    if (seq.penalised) {
      const p = this.opts.repetitionPenalty;
      for (const id of seq.penalised) {
        const v = logits[offset + id];
        logits[offset + id] = v > 0 ? v / p : v * p;
      }
    }
    let best = 0;
    for (let i = 1; i < vocab; i++) if (logits[offset + i] > logits[offset + best]) best = i;
    if (this.opts.eos.has(best)) {
      seq.stop = "eos";
      return;
    }
    seq.emitted++;
    seq.penalised?.add(best);
    seq.last = best;
    seq.onToken(best);
  }

  private async prefill(seq: Sequence): Promise<void> {
    const { reuse, cache } = this.prefixFor(seq.prompt);
    const n = seq.prompt.length - reuse;
    const feeds: Cache = {
      ...cache,
      ...this.extras,
      input_ids: new ort.Tensor("int64", BigInt64Array.from(seq.prompt.slice(reuse), BigInt), [1, n]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(seq.prompt.length).fill(1n), [1, seq.prompt.length]),
    };
    if (this.wantsPositions) feeds.position_ids = new ort.Tensor("int64", BigInt64Array.from({ length: n }, (_, i) => BigInt(reuse + i)), [1, n]);
    if (this.useCacheBranch) feeds.use_cache_branch = new ort.Tensor("bool", Uint8Array.from([reuse > 0 ? 1 : 0]), [1]);
    const out = await this.session.run(feeds);
    this.stats.prefills++;
    this.stats.prefixTokensReused += reuse;
    seq.own = this.presents(out);
    seq.length = seq.prompt.length;
    this.remember(seq.prompt, seq.own);
    const logits = out.logits;
    const vocab = logits.dims[2];
    this.take(seq, logits.data as Float32Array, (logits.dims[1] - 1) * vocab, vocab);
  }

  /** One forward pass over every active sequence. */
  private async step(): Promise<void> {
    const rows = this.active;
    const b = rows.length;
    const total = this.columns + 1;
    const mask = new BigInt64Array(b * total);
    for (let r = 0; r < b; r++) mask.fill(1n, r * total + (this.columns - rows[r].length), (r + 1) * total);
    const feeds: Cache = {
      ...this.past,
      ...this.extras,
      input_ids: new ort.Tensor("int64", BigInt64Array.from(rows, (s) => BigInt(s.last)), [b, 1]),
      attention_mask: new ort.Tensor("int64", mask, [b, total]),
    };
    if (this.wantsPositions) feeds.position_ids = new ort.Tensor("int64", BigInt64Array.from(rows, (s) => BigInt(s.length)), [b, 1]);
    if (this.useCacheBranch) feeds.use_cache_branch = new ort.Tensor("bool", Uint8Array.from([1]), [1]);
    const out = await this.session.run(feeds);
    this.stats.steps++;
    this.stats.rows += b;
    this.stats.widest = Math.max(this.stats.widest, b);
    this.past = this.presents(out);
    this.columns = total;
    const logits = out.logits;
    const vocab = logits.dims[2];
    const perRow = logits.dims[1] * vocab;
    const data = logits.data as Float32Array;
    for (let r = 0; r < b; r++) {
      rows[r].length++;
      this.take(rows[r], data, r * perRow + (logits.dims[1] - 1) * vocab, vocab);
    }
  }

  private presents(out: Record<string, ort.Tensor>): Cache {
    const cache: Cache = {};
    for (const name of this.pastNames) cache[name] = out[name.replace("past_key_values.", "present.")];
    return cache;
  }

  /** Lays `rows` out as the batch: each row's cache right-aligned in [rows, heads, longest, dim]. */
  private relayout(rows: Sequence[]): void {
    const columns = Math.max(0, ...rows.map((s) => s.length));
    const next: Cache = {};
    if (rows.length > 0) {
      for (const name of this.pastNames) {
        const sample = (rows[0].own ?? this.past)[name];
        const [, heads, , dim] = sample.dims;
        const data = alloc(sample.data as CacheData, rows.length * heads * columns * dim);
        rows.forEach((seq, r) => {
          const source = seq.own ? seq.own[name] : this.past[name];
          const sourceRow = seq.own ? 0 : seq.row;
          const sourceColumns = source.dims[2];
          const src = source.data as CacheData;
          for (let h = 0; h < heads; h++) {
            const from = ((sourceRow * heads + h) * sourceColumns + (sourceColumns - seq.length)) * dim;
            const to = ((r * heads + h) * columns + (columns - seq.length)) * dim;
            data.set(src.subarray(from, from + seq.length * dim), to);
          }
        });
        next[name] = new ort.Tensor(sample.type as "float32", data, [rows.length, heads, columns, dim]);
      }
    }
    rows.forEach((seq, r) => {
      seq.own = null;
      seq.row = r;
    });
    this.active = rows;
    this.past = next;
    this.columns = columns;
  }

  /** The cached prompt sharing the longest prefix with `ids` (one token is always left to run). */
  private prefixFor(ids: number[]): { reuse: number; cache: Cache } {
    let best = 0;
    let entry: (typeof this.prefixes)[number] | null = null;
    for (const p of this.prefixes) {
      const limit = Math.min(p.ids.length, ids.length - 1);
      let k = 0;
      while (k < limit && p.ids[k] === ids[k]) k++;
      if (k > best) [best, entry] = [k, p];
    }
    if (!entry || best < MIN_PREFIX) return { reuse: 0, cache: this.emptyCache() };
    const cache: Cache = {};
    for (const name of this.pastNames) {
      const t = entry.cache[name];
      const [, heads, columns, dim] = t.dims;
      const src = t.data as CacheData;
      const data = alloc(src, heads * best * dim);
      for (let h = 0; h < heads; h++) data.set(src.subarray(h * columns * dim, (h * columns + best) * dim), h * best * dim);
      cache[name] = new ort.Tensor(t.type as "float32", data, [1, heads, best, dim]);
    }
    return { reuse: best, cache };
  }

  private remember(ids: number[], cache: Cache): void {
    const keep = this.opts.prefixEntries ?? 0;
    if (keep <= 0) return;
    this.prefixes.unshift({ ids, cache });
    this.prefixes.length = Math.min(this.prefixes.length, keep);
  }

  private emptyCache(): Cache {
    const cache: Cache = {};
    for (const meta of this.session.inputMetadata) {
      if (!meta.name.startsWith("past_key_values.")) continue;
      const dims = (meta.shape ?? []).map((d) => (typeof d === "number" ? d : d === "batch_size" ? 1 : 0));
      const type = (meta.type ?? "float32") as "float32" | "float16";
      cache[meta.name] = new ort.Tensor(type, type === "float16" ? new Uint16Array(0) : new Float32Array(0), dims);
    }
    return cache;
  }
}
