// Client message ids: 22 characters of base64url from 16 random bytes (fits ZClientMessageId).
// The server stores a customer message at most once per id, so re-sending after a reconnect
// cannot duplicate it.
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
