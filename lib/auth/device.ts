// "Known device" cookies: after a successful sign-in the browser gets a sealed token naming the
// account and a random device id. A sign-in that presents it is throttled per device only, so a
// stranger guessing an account's password from elsewhere slows down only themselves and cannot
// lock the owner out of a browser they have signed in from before.
import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { serverSecret } from "@/lib/auth/secret";

export const DEVICE_COOKIE = "faqbot_device";
export const DEVICE_TTL_SECONDS = 180 * 24 * 3600;

interface DeviceClaims {
  em: string;
  did: string;
}

export function signDeviceToken(email: string, deviceId = randomBytes(12).toString("base64url")): Promise<string> {
  return sealData({ em: email, did: deviceId } satisfies DeviceClaims, { password: serverSecret(), ttl: DEVICE_TTL_SECONDS });
}

/** The device id when the token is genuine and was issued for this e-mail, else null. */
export async function readDeviceToken(token: string | null | undefined, email: string): Promise<string | null> {
  if (!token || token.length > 1000) return null;
  try {
    const claims = await unsealData<Partial<DeviceClaims>>(token, { password: serverSecret(), ttl: DEVICE_TTL_SECONDS });
    return claims.em === email && typeof claims.did === "string" ? claims.did : null;
  } catch {
    return null;
  }
}
