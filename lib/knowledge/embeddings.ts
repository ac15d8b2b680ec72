// Sentence vectors for passages: the text an encoder sees for a passage, and the conversion of a
// vector to and from the bytes stored with the passage (float32, little-endian).

export function passageEmbeddingText(p: { title: string; heading: string | null; text: string }): string {
  const head = p.heading && p.heading !== p.title ? `${p.title} — ${p.heading}` : p.title;
  return `${head}\n${p.text}`;
}

export function vectorToBytes(v: Float32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return out;
}

export function bytesToVector(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float32Array(Math.floor(b.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
