// Owns who may change whom on the Team page, as a pure function so the rules are tested on their
// own: owners can do anything; admins cannot grant ownership nor change an owner; nobody can
// deactivate themselves; the workspace always keeps at least one active owner.
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/auth/roles";

export interface MemberRef {
  id: string;
  role: string;
  active: boolean;
}

export interface MemberChange {
  role?: Role;
  active?: boolean;
}

/** Throws forbidden/conflict when `actor` may not apply `change` to `target`. */
export function checkMemberChange(actor: MemberRef, target: MemberRef, change: MemberChange, otherActiveOwners: number): void {
  const roleChanges = change.role !== undefined && change.role !== target.role;
  const deactivates = change.active === false && target.active;
  if (actor.role !== "owner") {
    if (target.role === "owner" && (roleChanges || change.active !== undefined)) {
      throw new AppError("forbidden", "Only an owner can change another owner's role or deactivate them.");
    }
    if (change.role === "owner") throw new AppError("forbidden", "Only an owner can make someone an owner.");
  }
  if (deactivates && actor.id === target.id) throw new AppError("forbidden", "You cannot deactivate your own account. Ask another admin or owner.");
  const losesOwner = target.role === "owner" && target.active && ((roleChanges && change.role !== "owner") || deactivates);
  if (losesOwner && otherActiveOwners === 0) {
    throw new AppError("conflict", "The workspace needs at least one active owner. Make someone else an owner first.");
  }
}

/** Roles `actor` may give when inviting. */
export function assignableRoles(actorRole: string): Role[] {
  return actorRole === "owner" ? ["agent", "admin", "owner"] : ["agent", "admin"];
}
