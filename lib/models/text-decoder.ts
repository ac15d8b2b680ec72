// Turns generated token ids into text chunks as they arrive, without re-decoding the whole
// answer each step (transformers.js's TextStreamer does, and waits for whole words). Keeps a
// one-token context window so tokenizers that drop a leading space when a token is decoded
// alone (SentencePiece/Metaspace) still produce the right spacing, and holds back bytes that
// do not yet form a complete UTF-8 character.
export interface Detokenizer {
  decode(ids: number[], opts: { skip_special_tokens: boolean }): string;
}

export class IncrementalDecoder {
  private ids: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;
  private text = "";

  constructor(private readonly tokenizer: Detokenizer) {}

  /** Adds one token; returns the new text it completes ("" when it only starts a character). */
  push(id: number): string {
    this.ids.push(id);
    const opts = { skip_special_tokens: true };
    const prefix = this.readOffset > this.prefixOffset ? this.tokenizer.decode(this.ids.slice(this.prefixOffset, this.readOffset), opts) : "";
    const full = this.tokenizer.decode(this.ids.slice(this.prefixOffset), opts);
    if (full.length <= prefix.length || full.endsWith("\uFFFD")) return "";
    const chunk = full.slice(prefix.length);
    this.prefixOffset = this.readOffset;
    this.readOffset = this.ids.length;
    this.text += chunk;
    return chunk;
  }

  /** Everything emitted so far. */
  get emitted(): string {
    return this.text;
  }
}
