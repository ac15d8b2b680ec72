// Which pages may embed a tenant's chat: the CSP `frame-ancestors` directive of the chat frame
// (/widget/frame), computed from the tenant's allowed origins, and the loader's pre-flight check
// (`embedCheck`); a disabled workspace is treated as an unknown key. The browser enforces the CSP, so a site the tenant did not allow cannot embed
// the chat even with a copied widget key; the socket's origin check relies on this. The app's own
// pages ('self') may always embed the frame (admin live preview).
import { getDb } from "@/lib/db";
import { originAllowed } from "@/lib/tenancy/origins";
import { readTenantSettings } from "@/lib/tenancy/settings";

// Same grammar as ZOriginPattern (lib/tenancy/origins.ts). Re-checked here because the value is
// written into a header: anything else (spaces, `;`, quotes) could add directives.
const PATTERN = /^(https?):\/\/((?:\*\.)?[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/i;

/** CSP sources for allowed-origin patterns; invalid patterns are skipped. */
export function frameAncestorSources(patterns: unknown): string[] {
  if (!Array.isArray(patterns)) return [];
  const out = new Set<string>();
  for (const p of patterns) {
    if (typeof p !== "string") continue;
    const m = PATTERN.exec(p.trim());
    if (!m) continue;
    const [, scheme, host, port] = m;
    // CSP's `*.example.com` also matches deeper subdomains; the socket's origin check still
    // holds the stricter one-label rule.
    out.add(`${scheme!.toLowerCase()}://${host!.toLowerCase()}${port ? `:${port}` : ""}`);
  }
  return [...out];
}

/** The full `Content-Security-Policy` header value for the chat frame. */
export function framePolicy(patterns: unknown): string {
  return `frame-ancestors 'self' ${frameAncestorSources(patterns).join(" ")}`.trim();
}

const TTL_MS = 30_000;
const cache = new Map<string, { value: string; at: number }>();

/** The frame's CSP for a widget key (unknown key: only the app itself may embed it). */
export async function framePolicyForKey(key: string | null | undefined): Promise<string> {
  if (!key || key.length > 100) return framePolicy([]);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { widgetKey: key }, select: { allowedOrigins: true, disabledAt: true } });
  const value = framePolicy(tenant && !tenant.disabledAt ? tenant.allowedOrigins : []);
  if (cache.size > 1000) cache.clear();
  cache.set(key, { value, at: Date.now() });
  return value;
}

export type EmbedCheck =
  | {
      ok: true;
      name: string;
      color: string;
      defaultLanguage: string;
      position: "right" | "left";
      /** Per language; the loader picks the page's. */
      launcherLabel: Record<string, string>;
      /** Only when enabled. */
      proactive: { delaySeconds: number; pages: string[]; message: Record<string, string> } | null;
    }
  | { ok: false; status: 403 | 404; message: string };

/** May a page on `origin` show the chat of widget `key`? With the launcher's look when it may. */
export async function embedCheck(key: string, origin: string | null): Promise<EmbedCheck> {
  const db = await getDb();
  const tenant = await db.tenant.findUnique({ where: { widgetKey: key }, select: { name: true, allowedOrigins: true, settings: true, defaultLanguage: true, disabledAt: true } });
  // A workspace the operator disabled shows no chat anywhere (its data is kept).
  if (!tenant || tenant.disabledAt) return { ok: false, status: 404, message: "Unknown chat widget key." };
  if (!originAllowed(origin, tenant.allowedOrigins)) {
    return { ok: false, status: 403, message: `This website (${origin ?? "unknown origin"}) is not in the allowed origins of this chat widget.` };
  }
  const settings = readTenantSettings(tenant.settings);
  const p = settings.proactive;
  return {
    ok: true,
    name: tenant.name,
    color: settings.color,
    defaultLanguage: tenant.defaultLanguage,
    position: settings.position,
    launcherLabel: settings.launcherLabel,
    proactive: p.enabled ? { delaySeconds: p.delaySeconds, pages: p.pages.split("\n").map((l) => l.trim()).filter(Boolean), message: p.message } : null,
  };
}
