// One way to register a socket event: validate the payload with zod, run the handler, and answer
// the ack with `{ ok: true, … }` or `{ error }` (messages written for people; details in the log).
// A malformed payload or a missing ack can never crash the server.
import type { Socket } from "socket.io";
import type { z } from "zod";
import { AppError, isAppError, toErrorBody } from "@/lib/errors/app-error";
import type { Logger } from "pino";

type Ack = (res: unknown) => void;

export function handleEvent<S extends z.ZodType>(
  socket: Socket & { data: { log: Logger } },
  event: string,
  schema: S,
  fn: (payload: z.infer<S>) => Promise<object | void>,
): void {
  socket.on(event, async (payload: unknown, ack: unknown) => {
    const reply: Ack = typeof ack === "function" ? (ack as Ack) : () => {};
    try {
      const parsed = schema.safeParse(payload ?? {});
      if (!parsed.success) {
        throw new AppError("validation_failed", parsed.error.issues.map((i) => i.message).join("; "));
      }
      const result = await fn(parsed.data);
      reply({ ok: true, ...(result ?? {}) });
    } catch (e) {
      if (!isAppError(e)) socket.data.log.error({ err: e, event }, "socket event failed");
      const body = toErrorBody(e);
      reply(isAppError(e) && e.retryAfterSeconds ? { error: { ...body.error, retryAfterSeconds: e.retryAfterSeconds } } : body);
    }
  });
}
