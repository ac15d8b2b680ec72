// The first-run checklist: in the order a new admin goes through it, each step done when the
// workspace's data says so.
import { describe, expect, it } from "vitest";
import { onboardingSteps, type OnboardingFacts } from "@/lib/admin/onboarding";

const empty: OnboardingFacts = { faqEntries: 0, models: 0, published: false, allowedOrigins: 0, snippetCopied: false, members: 1, pendingInvitations: 0 };
const done = (f: OnboardingFacts) => Object.fromEntries(onboardingSteps(f).map((s) => [s.key, s.done]));

describe("first-run checklist", () => {
  it("lists the steps from an empty workspace to a bot on the website, none done", () => {
    const steps = onboardingSteps(empty);
    expect(steps.map((s) => s.key)).toEqual(["faq", "train", "publish", "site", "snippet", "invite"]);
    expect(steps.every((s) => !s.done && s.href.startsWith("/admin/"))).toBe(true);
    // The step about the website says how to add it.
    expect(steps.find((s) => s.key === "site")!.text).toMatch(/https:\/\/shop\.example\.com.*Settings → Allowed origins/);
  });

  it("ticks each step from the workspace's facts", () => {
    expect(done({ ...empty, faqEntries: 3, models: 1 })).toEqual({ faq: true, train: true, publish: false, site: false, snippet: false, invite: false });
    expect(done({ ...empty, published: true, allowedOrigins: 1, snippetCopied: true })).toMatchObject({ publish: true, site: true, snippet: true });
    // An agent who joined, or one invited and not yet joined, both count.
    expect(done({ ...empty, members: 2 }).invite).toBe(true);
    expect(done({ ...empty, pendingInvitations: 1 }).invite).toBe(true);
    expect(done({ ...empty, faqEntries: 0, models: 0 }).faq).toBe(false);
  });
});
