// The tenant's brand colour, made readable: the widget writes white text on it (header, buttons,
// the launcher), so a colour too light for that is darkened, step by step, until white text on it
// reaches WCAG 2.1 AA contrast (4.5:1 for normal text). Pure and dependency-free: the chat frame
// and the tiny loader script both use it.

const WHITE = 1;

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Contrast ratio of white text on a #rrggbb background. */
export function whiteContrast(hex: string): number {
  return (WHITE + 0.05) / (luminance(hex) + 0.05);
}

/** The colour itself when white text on it is readable (≥ 4.5:1), else the nearest darker shade that is. */
export function readableBrandColor(hex: string, fallback = "#2563eb"): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) return fallback;
  const n = Number.parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let out = hex.toLowerCase();
  for (let i = 0; i < 60 && whiteContrast(out) < 4.5; i++) {
    for (let k = 0; k < 3; k++) rgb[k] = Math.floor(rgb[k] * 0.95);
    out = `#${((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]).toString(16).padStart(6, "0")}`;
  }
  return out;
}
