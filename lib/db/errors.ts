// Recognising database errors the same way on both providers. Prisma reports a unique violation
// as P2002 on both, but the details differ: SQLite's adapter names the columns, PostgreSQL's
// names the index (Prisma's `<Model>_<field>_<field>_key`).
import { Prisma } from "./generated/sqlite/client";

export interface UniqueTarget {
  model: string;
  fields: string[];
}

/** True for a unique-constraint violation; with `on`, only when it is that model's constraint. */
export function isUniqueViolation(err: unknown, on?: UniqueTarget): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") return false;
  if (!on) return true;
  const indexName = `${on.model}_${on.fields.join("_")}_key`;
  const meta = (err.meta ?? {}) as {
    modelName?: string;
    target?: unknown;
    driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } };
  };
  if (meta.modelName && meta.modelName !== on.model) return false;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  if (constraint?.fields) return sameSet(constraint.fields, on.fields);
  if (constraint?.index) return constraint.index === indexName;
  if (Array.isArray(meta.target)) return sameSet(meta.target as string[], on.fields);
  return meta.target === indexName;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
