// The server secret that seals session cookies and visitor tokens. SESSION_SECRET wins; without it
// a random secret is created once under DATA_DIR so sessions survive restarts with zero set-up.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let secret: string | undefined;

export function serverSecret(): string {
  if (secret) return secret;
  const configured = env().SESSION_SECRET;
  if (configured) return (secret = configured);
  const file = path.join(env().dataDir, "session-secret");
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(env().dataDir, { recursive: true });
    const fresh = crypto.randomBytes(48).toString("base64url");
    try {
      // wx: when two processes race on first start, the loser reads the winner's secret.
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
      secret = fresh;
    } catch {
      secret = fs.readFileSync(file, "utf8").trim();
    }
  }
  return secret;
}
