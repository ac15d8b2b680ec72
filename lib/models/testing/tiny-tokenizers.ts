// The tokenizer files of the tiny test models, in the Hugging Face tokenizer.json format that
// transformers.js reads for real models: a byte-level BPE with no merges for tiny-chat (any
// text round-trips, one token per byte, like GPT-2/Qwen with an empty merge table) and a
// character WordPiece for tiny-embed (BERT layout: [CLS] text [SEP], lower-cased).

/** GPT-2's byte → printable-unicode map, so every byte has a visible vocabulary entry. */
export function bytesToUnicode(): string[] {
  const bs: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) bs.push(b);
  for (let b = 0xa1; b <= 0xac; b++) bs.push(b);
  for (let b = 0xae; b <= 0xff; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n++);
    }
  }
  const map: string[] = new Array(256);
  bs.forEach((b, i) => (map[b] = String.fromCharCode(cs[i])));
  return map;
}

export const CHAT_SPECIAL_TOKENS = { pad: "<|endoftext|>", imStart: "<|im_start|>", imEnd: "<|im_end|>" } as const;
/** Byte b has id b; the three special tokens follow. */
export const CHAT_IDS = { pad: 256, imStart: 257, imEnd: 258, vocabSize: 259 } as const;

/** ChatML, as Qwen2.5 uses it, so prompts built for real chat models look the same here. */
export const CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

function addedToken(id: number, content: string) {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}

export function chatTokenizerFiles(): { tokenizer: object; tokenizerConfig: object } {
  const map = bytesToUnicode();
  const vocab: Record<string, number> = {};
  map.forEach((ch, b) => (vocab[ch] = b));
  vocab[CHAT_SPECIAL_TOKENS.pad] = CHAT_IDS.pad;
  vocab[CHAT_SPECIAL_TOKENS.imStart] = CHAT_IDS.imStart;
  vocab[CHAT_SPECIAL_TOKENS.imEnd] = CHAT_IDS.imEnd;
  const byteLevel = { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true };
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [
      addedToken(CHAT_IDS.pad, CHAT_SPECIAL_TOKENS.pad),
      addedToken(CHAT_IDS.imStart, CHAT_SPECIAL_TOKENS.imStart),
      addedToken(CHAT_IDS.imEnd, CHAT_SPECIAL_TOKENS.imEnd),
    ],
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: "",
      end_of_word_suffix: "",
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges: [],
    },
  };
  const tokenizerConfig = {
    tokenizer_class: "Qwen2Tokenizer",
    add_bos_token: false,
    add_prefix_space: false,
    bos_token: null,
    eos_token: CHAT_SPECIAL_TOKENS.imEnd,
    pad_token: CHAT_SPECIAL_TOKENS.pad,
    unk_token: null,
    model_max_length: 32768,
    clean_up_tokenization_spaces: false,
    chat_template: CHAT_TEMPLATE,
  };
  return { tokenizer, tokenizerConfig };
}

const EMBED_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
const EMBED_CHARS = [..."abcdefghijklmnopqrstuvwxyz0123456789ñ", ..."¿¡.,;:!?'\"()-/@$€%&+*=_#"];

export const EMBED_IDS = { pad: 0, unk: 1, cls: 2, sep: 3 } as const;

export function embedTokenizerFiles(): { tokenizer: object; tokenizerConfig: object; vocabSize: number } {
  const tokens = [...EMBED_SPECIALS, ...EMBED_CHARS, ...EMBED_CHARS.filter((c) => /[\p{L}\p{N}]/u.test(c)).map((c) => `##${c}`)];
  const vocab: Record<string, number> = {};
  tokens.forEach((t, i) => (vocab[t] = i));
  const special = (content: string) => ({ id: content, ids: [vocab[content]], tokens: [content] });
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: EMBED_SPECIALS.map((t) => addedToken(vocab[t], t)),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": special("[CLS]"), "[SEP]": special("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
  };
  const tokenizerConfig = {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: 512,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
    clean_up_tokenization_spaces: true,
  };
  return { tokenizer, tokenizerConfig, vocabSize: tokens.length };
}
