// Team management against a real database: invites with a one-time password that signs in, role
// rules, the last owner, self-deactivation, and a deactivated member's session ending at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { inviteMember, updateMember } from "@/lib/admin/team";
import { login } from "@/lib/auth/login";
import { readSession } from "@/lib/auth/session";
import { seedTenant } from "@/tests/support/seed";
import { testDbKinds } from "@/tests/support/db";
import { useProcessDb } from "@/tests/support/process-db";

const kinds = await testDbKinds();

describe.each(kinds)("team management on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await useProcessDb(kind));
  });
  afterAll(async () => cleanup?.());

  async function workspace() {
    const t = await seedTenant(db);
    const owner = await db.user.update({ where: { id: t.admin.id }, data: { role: "owner" } });
    return { t, tdb: await tenantDb(t.tenantId), owner: { id: owner.id, role: "owner", active: true } };
  }
  const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code: string }) => e.code);

  it("invites a member whose one-time password signs in, and writes the audit log", async () => {
    const { t, tdb, owner } = await workspace();
    const { member, oneTimePassword } = await inviteMember(tdb, owner, { email: `new-${t.slug}@test.local`, name: "New Agent", role: "agent" });
    expect(oneTimePassword).toHaveLength(16);
    const signedIn = await login({ email: member.email, password: oneTimePassword }, { ip: "10.0.0.1", userAgent: null });
    expect(signedIn.user.role).toBe("agent");
    expect(await db.auditLog.count({ where: { tenantId: t.tenantId, action: "team.invite", target: member.id } })).toBe(1);
    expect(await codeOf(inviteMember(tdb, owner, { email: member.email, name: "Again", role: "agent" }))).toBe("conflict");
  });

  it("never leaves the workspace without an active owner", async () => {
    const { tdb, owner } = await workspace();
    expect(await codeOf(updateMember(tdb, owner, owner.id, { role: "admin" }))).toBe("conflict");
    const second = await inviteMember(tdb, owner, { email: `o2-${Date.now()}@test.local`, name: "Second Owner", role: "owner" });
    await updateMember(tdb, owner, owner.id, { role: "admin" });
    const demoted = { ...owner, role: "admin" };
    expect(await codeOf(updateMember(tdb, demoted, second.member.id, { active: false }))).toBe("forbidden");
    expect(await codeOf(updateMember(tdb, { id: second.member.id, role: "owner", active: true }, second.member.id, { role: "agent" }))).toBe("conflict");
    expect(await db.user.count({ where: { tenantId: tdb.tenantId, role: "owner", active: true } })).toBe(1);
  });

  it("refuses self-deactivation and ends a deactivated member's sessions at once", async () => {
    const { t, tdb, owner } = await workspace();
    expect(await codeOf(updateMember(tdb, owner, owner.id, { active: false }))).toBe("forbidden");
    const session = await login({ email: t.agent.email, password: t.agent.password }, { ip: "10.0.0.2", userAgent: null });
    expect(await readSession(session.cookie)).not.toBeNull();
    await updateMember(tdb, owner, t.agent.id, { active: false });
    expect(await readSession(session.cookie)).toBeNull();
    expect(await codeOf(login({ email: t.agent.email, password: t.agent.password }, { ip: "10.0.0.3", userAgent: null }))).toBe("unauthenticated");
    await updateMember(tdb, owner, t.agent.id, { active: true });
    expect((await login({ email: t.agent.email, password: t.agent.password }, { ip: "10.0.0.4", userAgent: null })).user.id).toBe(t.agent.id);
    const actions = (await db.auditLog.findMany({ where: { tenantId: t.tenantId, target: t.agent.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["team.deactivate", "team.reactivate"]);
  });

  it("cannot reach a member of another workspace", async () => {
    const a = await workspace();
    const b = await workspace();
    expect(await codeOf(updateMember(a.tdb, a.owner, b.t.agent.id, { active: false }))).toBe("not_found");
    expect((await db.user.findUnique({ where: { id: b.t.agent.id } }))!.active).toBe(true);
  });
});
