// Roles and what they may do. Owners and admins run the tenant; agents answer customers.
import { z } from "zod";

export const ZRole = z.enum(["owner", "admin", "agent"]);
export type Role = z.infer<typeof ZRole>;

const RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };

/** True when `role` is at least `min` (owner ⊇ admin ⊇ agent). */
export function hasRole(role: string, min: Role): boolean {
  const parsed = ZRole.safeParse(role);
  return parsed.success && RANK[parsed.data] >= RANK[min];
}
