// This process's id among the instances sharing a database and Redis.
import crypto from "node:crypto";

const g = globalThis as unknown as { __faqbotInstance?: string };
export const instanceId: string = (g.__faqbotInstance ??= `${process.pid}-${crypto.randomBytes(3).toString("hex")}`);
