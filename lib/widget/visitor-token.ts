// The signed token a widget keeps in the browser to stay the same visitor across reloads, pages
// and returns. It is sealed with the server secret (iron-session), so it cannot be forged or
// moved to another tenant.
import { sealData, unsealData } from "iron-session";
import { serverSecret } from "@/lib/auth/secret";

const TTL_SECONDS = 365 * 24 * 3600;

interface VisitorClaims {
  vid: string;
  tid: string;
}

export function signVisitorToken(visitorId: string, tenantId: string): Promise<string> {
  return sealData({ vid: visitorId, tid: tenantId } satisfies VisitorClaims, { password: serverSecret(), ttl: TTL_SECONDS });
}

/** The visitor id when the token is valid for this tenant, else null. */
export async function readVisitorToken(token: unknown, tenantId: string): Promise<string | null> {
  if (typeof token !== "string" || token.length === 0 || token.length > 2000) return null;
  try {
    const claims = await unsealData<Partial<VisitorClaims>>(token, { password: serverSecret(), ttl: TTL_SECONDS });
    return claims.tid === tenantId && typeof claims.vid === "string" ? claims.vid : null;
  } catch {
    return null;
  }
}
