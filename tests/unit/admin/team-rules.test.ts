// Who may change whom on the Team page.
import { describe, expect, it } from "vitest";
import { checkMemberChange, type MemberRef } from "@/lib/admin/team-rules";

const owner: MemberRef = { id: "o1", role: "owner", active: true };
const owner2: MemberRef = { id: "o2", role: "owner", active: true };
const admin: MemberRef = { id: "a1", role: "admin", active: true };
const agent: MemberRef = { id: "g1", role: "agent", active: true };

const code = (fn: () => void) => {
  try {
    fn();
    return "ok";
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe("team rules", () => {
  it("lets an owner promote, demote and deactivate anyone but themselves", () => {
    expect(code(() => checkMemberChange(owner, agent, { role: "owner" }, 1))).toBe("ok");
    expect(code(() => checkMemberChange(owner, owner2, { role: "agent" }, 1))).toBe("ok");
    expect(code(() => checkMemberChange(owner, owner2, { active: false }, 1))).toBe("ok");
  });

  it("keeps an admin away from owners and from granting ownership", () => {
    expect(code(() => checkMemberChange(admin, owner, { role: "admin" }, 1))).toBe("forbidden");
    expect(code(() => checkMemberChange(admin, owner, { active: false }, 1))).toBe("forbidden");
    expect(code(() => checkMemberChange(admin, agent, { role: "owner" }, 1))).toBe("forbidden");
    expect(code(() => checkMemberChange(admin, agent, { role: "admin" }, 1))).toBe("ok");
    expect(code(() => checkMemberChange(admin, agent, { active: false }, 1))).toBe("ok");
  });

  it("stops anyone deactivating themselves", () => {
    expect(code(() => checkMemberChange(admin, admin, { active: false }, 1))).toBe("forbidden");
    expect(code(() => checkMemberChange(owner, owner, { active: false }, 3))).toBe("forbidden");
  });

  it("never removes the last active owner", () => {
    expect(code(() => checkMemberChange(owner, owner, { role: "admin" }, 0))).toBe("conflict");
    expect(code(() => checkMemberChange(owner, owner, { role: "admin" }, 1))).toBe("ok");
    expect(code(() => checkMemberChange(owner, owner2, { active: false }, 0))).toBe("conflict");
    expect(code(() => checkMemberChange(owner, owner, { role: "owner" }, 0))).toBe("ok");
  });
});
