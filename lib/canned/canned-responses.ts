// Canned responses: tenant-managed reply snippets agents insert by shortcut (e.g. "/hello").
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import type { TenantDb } from "@/lib/tenancy/guard";

export const ZCannedInput = z.object({
  shortcut: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Use 1–40 letters, digits, - or _ (no spaces)."),
  text: z.string().trim().min(1, "Write the response text.").max(2000),
  language: z.string().trim().max(10).nullable().optional(),
});
export type TCannedInput = z.infer<typeof ZCannedInput>;

export function listCanned(db: TenantDb) {
  return db.cannedResponse.findMany({ orderBy: { shortcut: "asc" } });
}

/** What the consoles read of a canned response (GET /api/canned-responses sends whole rows). */
export type CannedView = Pick<Awaited<ReturnType<typeof listCanned>>[number], "id" | "shortcut" | "text" | "language">;

export async function createCanned(db: TenantDb, input: TCannedInput) {
  if (await db.cannedResponse.findFirst({ where: { shortcut: input.shortcut } })) {
    throw new AppError("conflict", `The shortcut "${input.shortcut}" is already used.`);
  }
  return db.cannedResponse.create({ data: { tenantId: db.tenantId, shortcut: input.shortcut, text: input.text, language: input.language ?? null } });
}

export async function updateCanned(db: TenantDb, id: string, input: Partial<TCannedInput>) {
  const existing = await db.cannedResponse.findFirst({ where: { id } });
  if (!existing) throw new AppError("not_found", "Canned response not found.");
  if (input.shortcut && input.shortcut !== existing.shortcut && (await db.cannedResponse.findFirst({ where: { shortcut: input.shortcut } }))) {
    throw new AppError("conflict", `The shortcut "${input.shortcut}" is already used.`);
  }
  const res = await db.cannedResponse.updateMany({ where: { id }, data: input });
  if (res.count !== 1) throw new AppError("not_found", "Canned response not found.");
  return db.cannedResponse.findFirst({ where: { id } });
}

export async function deleteCanned(db: TenantDb, id: string) {
  const res = await db.cannedResponse.deleteMany({ where: { id } });
  if (res.count !== 1) throw new AppError("not_found", "Canned response not found.");
}
