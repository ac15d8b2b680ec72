// zod parsing at the HTTP boundary: a failed parse is a 422 naming every invalid field.
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("validation_failed", `Some fields in the ${where} are invalid: ${details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ")}`, { details });
  }
  return r.data;
}
