// Team management against a real database: invitations by link (a new person creates their
// account; a person with an account elsewhere joins with it, and the inviting admin cannot tell
// the two apart), roles per membership, switching the session between workspaces, the last
// owner, self-deactivation, password resets that never reach another workspace, and a
// deactivated member's session ending at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { tenantDb } from "@/lib/tenancy/guard";
import { inviteMember, listInvitations, resetMemberPassword, revokeInvitation, updateMember } from "@/lib/admin/team";
import { acceptInvitation, readInvitation } from "@/lib/auth/invitations";
import { login } from "@/lib/auth/login";
import { readSession } from "@/lib/auth/session";
import { myWorkspaces, switchWorkspace } from "@/lib/auth/switch-workspace";
import { seedTenant } from "@/tests/support/seed";
import { testDbKinds } from "@/tests/support/db";
import { useProcessDb } from "@/tests/support/process-db";

const kinds = await testDbKinds();
const ORIGIN = "https://faqbot.example";

describe.each(kinds)("team management on %s", (kind) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await useProcessDb(kind));
  });
  afterAll(async () => cleanup?.());

  let ip = 0;
  const meta = (session: Awaited<ReturnType<typeof readSession>> = null) => ({ ip: `10.1.0.${++ip}`, userAgent: null, session });

  async function workspace() {
    const t = await seedTenant(db);
    const owner = await db.user.update({ where: { id: t.admin.id }, data: { role: "owner" } });
    return { t, tdb: await tenantDb(t.tenantId), owner: { id: owner.id, role: "owner", active: true } };
  }
  const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: { code: string }) => e.code);
  const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);

  it("invites by link: a new person chooses a password and signs in; the link works once", async () => {
    const { t, tdb, owner } = await workspace();
    const email = `new-${t.slug}@test.local`;
    const { invitation, link } = await inviteMember(tdb, owner, { email, name: "New Agent", role: "agent" }, ORIGIN);
    expect(link).toMatch(new RegExp(`^${ORIGIN}/invite/[A-Za-z0-9_-]{40,}$`));
    expect((await listInvitations(tdb)).map((i) => i.id)).toEqual([invitation.id]);
    expect(await readInvitation(tokenOf(link))).toMatchObject({ state: "open", workspaceName: expect.any(String), email, role: "agent" });

    expect(await codeOf(acceptInvitation({ token: tokenOf(link), password: "short" }, meta()))).toBe("validation_failed");
    const joined = await acceptInvitation({ token: tokenOf(link), name: "Nora", password: "nora-chooses-this" }, meta());
    expect(joined.user).toMatchObject({ tenantId: t.tenantId, role: "agent", name: "Nora", email });
    expect(await readSession(joined.cookie)).toMatchObject({ tenantId: t.tenantId, role: "agent" });
    expect((await login({ email, password: "nora-chooses-this" }, meta())).user.id).toBe(joined.user.id);

    expect(await codeOf(acceptInvitation({ token: tokenOf(link), password: "nora-chooses-this" }, meta()))).toBe("conflict");
    expect((await readInvitation(tokenOf(link))).state).toBe("used");
    expect(await listInvitations(tdb)).toEqual([]);
    expect(await db.auditLog.count({ where: { tenantId: t.tenantId, action: { in: ["team.invite", "team.join"] } } })).toBe(2);
    // Inviting a member again names them as a member of this workspace (its own business).
    const again = await inviteMember(tdb, owner, { email, name: "Again", role: "agent" }, ORIGIN).catch((e: Error & { code: string }) => e);
    expect(again).toMatchObject({ code: "conflict", message: expect.stringMatching(/already a member of this workspace/) });
  });

  it("answers an invitation to an e-mail with an account elsewhere exactly like any other", async () => {
    const a = await workspace();
    const b = await workspace();
    const shape = (r: Awaited<ReturnType<typeof inviteMember>>) => ({ keys: Object.keys(r).sort(), invitation: Object.keys(r.invitation).sort(), link: r.link.replace(/[^/]+$/, "TOKEN") });
    const elsewhere = await inviteMember(a.tdb, a.owner, { email: b.t.agent.email, name: "Someone", role: "admin" }, ORIGIN);
    const nobody = await inviteMember(a.tdb, a.owner, { email: `nobody-${a.t.slug}@test.local`, name: "Someone", role: "admin" }, ORIGIN);
    expect(shape(elsewhere)).toEqual(shape(nobody));
    expect(JSON.stringify(elsewhere)).not.toMatch(/account|exist|another/i);
    // The invitation page shows the same for both (nothing about the account).
    expect(Object.keys(await readInvitation(tokenOf(elsewhere.link))).sort()).toEqual(Object.keys(await readInvitation(tokenOf(nobody.link))).sort());
  });

  it("adds a membership to an existing account, with its own role; the session acts for one workspace at a time", async () => {
    const a = await workspace();
    const b = await workspace();
    const person = b.t.agent; // an agent in B
    const { link } = await inviteMember(a.tdb, a.owner, { email: person.email, name: "Typed by A", role: "admin" }, ORIGIN);
    expect(await codeOf(acceptInvitation({ token: tokenOf(link), password: "not-their-password" }, meta()))).toBe("unauthenticated");
    const joined = await acceptInvitation({ token: tokenOf(link), password: person.password }, meta());
    expect(joined.user).toMatchObject({ tenantId: a.t.tenantId, role: "admin" });
    const accounts = await db.user.findMany({ where: { email: person.email }, select: { accountId: true, tenantId: true, role: true } });
    expect(new Set(accounts.map((m) => m.accountId)).size).toBe(1);
    expect(accounts.map((m) => [m.tenantId, m.role]).sort()).toEqual([[a.t.tenantId, "admin"], [b.t.tenantId, "agent"]].sort());

    // Sign-in returns to the workspace used last (A, just joined); the switcher lists both.
    const session = await readSession((await login({ email: person.email, password: person.password }, meta())).cookie);
    expect(session).toMatchObject({ tenantId: a.t.tenantId, role: "admin" });
    expect((await myWorkspaces(session!)).map((w) => [w.tenantId, w.role, w.current])).toEqual(
      expect.arrayContaining([
        [a.t.tenantId, "admin", true],
        [b.t.tenantId, "agent", false],
      ]),
    );
    const switched = (await switchWorkspace(session!, b.t.tenantId, null))!;
    expect(await readSession(switched.cookie)).toMatchObject({ tenantId: b.t.tenantId, role: "agent", id: person.id });
    // The session it replaced no longer works.
    expect(await readSession((await login({ email: person.email, password: person.password }, meta())).cookie)).toMatchObject({ tenantId: b.t.tenantId });
    const other = await workspace();
    expect(await codeOf(switchWorkspace((await readSession(switched.cookie))!, other.t.tenantId, null))).toBe("not_found");

    // Deactivated in A: sign-in and the switcher keep to B.
    await updateMember(a.tdb, a.owner, joined.user.id, { active: false });
    const back = await readSession((await login({ email: person.email, password: person.password }, meta())).cookie);
    expect(back?.tenantId).toBe(b.t.tenantId);
    expect((await myWorkspaces(back!)).map((w) => w.tenantId)).toEqual([b.t.tenantId]);
  });

  it("withdraws an invitation, and a new one replaces the earlier link", async () => {
    const { t, tdb, owner } = await workspace();
    const email = `w-${t.slug}@test.local`;
    const first = await inviteMember(tdb, owner, { email, name: "W", role: "agent" }, ORIGIN);
    const second = await inviteMember(tdb, owner, { email, name: "W", role: "agent" }, ORIGIN);
    expect((await readInvitation(tokenOf(first.link))).state).toBe("unknown");
    await revokeInvitation(tdb, owner, second.invitation.id);
    expect(await codeOf(acceptInvitation({ token: tokenOf(second.link), password: "long-enough-pass" }, meta()))).toBe("not_found");
    const other = await workspace();
    expect(await codeOf(revokeInvitation(other.tdb, other.owner, first.invitation.id))).toBe("not_found");
  });

  it("resets the password of an account only this workspace uses", async () => {
    const a = await workspace();
    const b = await workspace();
    const sole = await resetMemberPassword(a.tdb, a.owner, a.t.agent.id);
    expect((await login({ email: a.t.agent.email, password: sole.oneTimePassword }, meta())).user.id).toBe(a.t.agent.id);
    // B's agent joins A: A's admin could otherwise take over the account in B.
    const { link } = await inviteMember(a.tdb, a.owner, { email: b.t.agent.email, name: "Shared", role: "agent" }, ORIGIN);
    const shared = await acceptInvitation({ token: tokenOf(link), password: b.t.agent.password }, meta());
    expect(await codeOf(resetMemberPassword(a.tdb, a.owner, shared.user.id))).toBe("forbidden");
    expect((await login({ email: b.t.agent.email, password: b.t.agent.password }, meta())).user.email).toBe(b.t.agent.email);
  });

  it("never leaves the workspace without an active owner", async () => {
    const { t, tdb, owner } = await workspace();
    expect(await codeOf(updateMember(tdb, owner, owner.id, { role: "admin" }))).toBe("conflict");
    const { link } = await inviteMember(tdb, owner, { email: `o2-${t.slug}@test.local`, name: "Second Owner", role: "owner" }, ORIGIN);
    const second = await acceptInvitation({ token: tokenOf(link), password: "second-owner-pass" }, meta());
    await updateMember(tdb, owner, owner.id, { role: "admin" });
    const demoted = { ...owner, role: "admin" };
    expect(await codeOf(updateMember(tdb, demoted, second.user.id, { active: false }))).toBe("forbidden");
    expect(await codeOf(updateMember(tdb, { id: second.user.id, role: "owner", active: true }, second.user.id, { role: "agent" }))).toBe("conflict");
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
    expect(await codeOf(resetMemberPassword(a.tdb, a.owner, b.t.agent.id))).toBe("not_found");
    // Accounts span workspaces: a workspace's handle cannot reach them at all.
    await expect(a.tdb.account.findMany({})).rejects.toThrow(/not tenant data/);
    await expect(a.tdb.account.update({ where: { email: b.t.agent.email }, data: { name: "hijacked" } })).rejects.toThrow(/not tenant data/);
    expect((await db.user.findUnique({ where: { id: b.t.agent.id } }))!.active).toBe(true);
  });
});
