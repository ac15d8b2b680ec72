// Owns a strict JSON reader that remembers where each object starts, so FAQ errors can name the
// line of the entry, and that explains syntax errors (line, column, likely fix) in words an admin
// understands; JSON.parse only gives a character position and a terse message.

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export interface JsonReadResult {
  value: unknown;
  /** Line on which each object or array value starts. */
  lines: WeakMap<object, number>;
  /** Line on which each item of each array starts. */
  itemLines: WeakMap<unknown[], number[]>;
}

export function readJson(text: string): JsonReadResult {
  const lines = new WeakMap<object, number>();
  const itemLines = new WeakMap<unknown[], number[]>();
  let pos = 0;
  let line = 1;

  const fail = (message: string, at = pos): never => {
    // Recount: `at` may precede the current position.
    let l = 1;
    let start = 0;
    for (let i = 0; i < at && i < text.length; i++) if (text[i] === "\n") (l++, (start = i + 1));
    throw new JsonSyntaxError(message, l, at - start + 1);
  };
  const describe = (char: string | undefined) =>
    char === undefined ? "the end of the file" : char === "\n" ? "a line break" : `"${char}"`;

  const skipSpace = () => {
    while (pos < text.length) {
      const c = text[pos];
      if (c === "\n") (line++, pos++);
      else if (c === " " || c === "\t" || c === "\r" || c === "\uFEFF") pos++;
      else if (c === "/" && (text[pos + 1] === "/" || text[pos + 1] === "*")) fail("comments are not allowed in JSON; remove them");
      else break;
    }
  };

  const readString = (): string => {
    const open = pos;
    pos++; // opening quote
    let out = "";
    while (true) {
      const c = text[pos];
      if (c === undefined) fail("this text is missing its closing double quote (\")", open);
      if (c === '"') return (pos++, out);
      if (c === "\n") fail("a line break inside text must be written as \\n, or the closing double quote (\") is missing");
      if (c < " ") fail("a control character (such as a tab) inside text must be escaped, e.g. \\t");
      if (c !== "\\") {
        // Copy the run of ordinary characters at once; per-character concatenation is slow on 5 MB.
        let end = pos + 1;
        while (end < text.length) {
          const d = text[end];
          if (d === '"' || d === "\\" || d < " ") break;
          end++;
        }
        out += text.slice(pos, end);
        pos = end;
        continue;
      }
      const e = text[pos + 1];
      const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
      if (e !== undefined && simple[e] !== undefined) {
        out += simple[e];
        pos += 2;
      } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        fail(`"\\${e ?? ""}" is not a valid escape; write a backslash as \\\\`);
      }
    }
  };

  const readValue = (): unknown => {
    skipSpace();
    const c = text[pos];
    const startLine = line;
    if (c === "{") {
      pos++;
      const object: Record<string, unknown> = Object.create(null); // "__proto__" is just a key here
      lines.set(object, startLine);
      skipSpace();
      if (text[pos] === "}") return (pos++, object);
      while (true) {
        skipSpace();
        const k = text[pos];
        if (k === "}") fail('remove the comma before "}"');
        if (k === "'") fail("use double quotes (\") around property names, not single quotes");
        if (k !== '"') fail(`expected a property name in double quotes but found ${describe(k)}`);
        const key = readString();
        skipSpace();
        if (text[pos] !== ":") fail(`expected ":" after the property name "${key}" but found ${describe(text[pos])}`);
        pos++;
        object[key] = readValue();
        skipSpace();
        const next = text[pos];
        if (next === ",") (pos++);
        else if (next === "}") return (pos++, object);
        else if (next === undefined) fail(`the file ends inside an object; a closing "}" is missing (the object starts on line ${startLine})`);
        else fail(`expected "," or "}" after the value of "${key}" but found ${describe(next)}; a comma is probably missing`);
      }
    }
    if (c === "[") {
      pos++;
      const array: unknown[] = [];
      const starts: number[] = [];
      lines.set(array, startLine);
      itemLines.set(array, starts);
      skipSpace();
      if (text[pos] === "]") return (pos++, array);
      while (true) {
        skipSpace();
        if (text[pos] === "]") fail('remove the comma before "]"');
        starts.push(line);
        array.push(readValue());
        skipSpace();
        const next = text[pos];
        if (next === ",") (pos++);
        else if (next === "]") return (pos++, array);
        else if (next === undefined) fail(`the file ends inside a list; a closing "]" is missing (the list starts on line ${startLine})`);
        else fail(`expected "," or "]" after a list item but found ${describe(next)}; a comma is probably missing`);
      }
    }
    if (c === '"') return readString();
    if (c === "'") fail("use double quotes (\") around text, not single quotes");
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
    if (literal) {
      pos += literal[0].length;
      const word = literal[0];
      return word === "true" ? true : word === "false" ? false : word === "null" ? null : Number(word);
    }
    if (c === undefined) fail("the file ends where a value was expected");
    return fail(`unexpected ${describe(c)}; text values must be in double quotes`);
  };

  const value = readValue();
  skipSpace();
  if (pos < text.length) fail(`unexpected ${describe(text[pos])} after the end of the JSON data`);
  return { value, lines, itemLines };
}
