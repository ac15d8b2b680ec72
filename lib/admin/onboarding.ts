// Owns the first-run checklist on the admin overview: the steps from an empty workspace to a bot
// answering on the business's own website (FAQ, train, publish, allow the website, copy the
// snippet, invite agents), each done when the workspace's data says so. Copying the snippet leaves
// no other trace, so the widget page records it; an admin can hide the checklist.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { readTenantSettings } from "@/lib/tenancy/settings";
import type { TenantDb } from "@/lib/tenancy/guard";

export type StepKey = "faq" | "train" | "publish" | "site" | "snippet" | "invite";

export interface OnboardingStep {
  key: StepKey;
  title: string;
  text: string;
  href: string;
  action: string;
  done: boolean;
}

export interface OnboardingFacts {
  faqEntries: number;
  models: number;
  published: boolean;
  allowedOrigins: number;
  snippetCopied: boolean;
  members: number;
  pendingInvitations: number;
}

/** The checklist for a workspace's facts, in the order a new admin goes through it. Pure. */
export function onboardingSteps(f: OnboardingFacts): OnboardingStep[] {
  return [
    { key: "faq", title: "Add your FAQ", text: "Upload a CSV, JSON or Markdown file of questions and answers, or write them in the editor.", href: "/admin/faq", action: "Open the FAQ", done: f.faqEntries > 0 },
    { key: "train", title: "Train your bot", text: "Training reads your FAQ and takes a few seconds; the report shows how well it answers.", href: "/admin/training", action: "Train", done: f.models > 0 },
    { key: "publish", title: "Publish it", text: "Customers get answers from the published model only.", href: "/admin/training", action: "Publish", done: f.published },
    {
      key: "site",
      title: "Allow your website",
      text: "The chat appears only on the sites you list. Add your site's address, like https://shop.example.com, under Settings → Allowed origins.",
      href: "/admin/settings#allowed-origins",
      action: "Add your site",
      done: f.allowedOrigins > 0,
    },
    { key: "snippet", title: "Copy the widget snippet", text: "Paste the one-line script into the pages of your site that should show the chat.", href: "/admin/widget", action: "Get the snippet", done: f.snippetCopied },
    { key: "invite", title: "Invite your agents", text: "They answer the customers who ask for a person, from the agent console.", href: "/admin/team", action: "Invite", done: f.members > 1 || f.pendingInvitations > 0 },
  ];
}

export async function readOnboarding(db: TenantDb) {
  const [tenant, faq, models, members, pendingInvitations] = await Promise.all([
    db.tenant.findFirst({ select: { activeModelId: true, allowedOrigins: true, settings: true } }),
    db.faqVersion.findFirst({ orderBy: { number: "desc" }, select: { entryCount: true } }),
    db.modelVersion.count(),
    db.user.count({ where: { active: true } }),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  const settings = readTenantSettings(tenant?.settings);
  const steps = onboardingSteps({
    faqEntries: faq?.entryCount ?? 0,
    models,
    published: Boolean(tenant?.activeModelId),
    allowedOrigins: Array.isArray(tenant?.allowedOrigins) ? tenant.allowedOrigins.length : 0,
    snippetCopied: Boolean(settings.onboarding.snippetCopiedAt),
    members,
    pendingInvitations,
  });
  return { steps, complete: steps.every((s) => s.done), dismissed: settings.onboarding.dismissed };
}

export const ZOnboardingAction = z.object({ action: z.enum(["snippet_copied", "dismiss", "show"]) });
export type TOnboardingAction = z.infer<typeof ZOnboardingAction>;

export async function updateOnboarding(db: TenantDb, { action }: TOnboardingAction, actor: { id: string }): Promise<void> {
  const tenant = await db.tenant.findFirst({ select: { settings: true } });
  const stored = (tenant?.settings ?? {}) as Record<string, unknown>;
  const current = readTenantSettings(stored).onboarding;
  if (action === "snippet_copied" && current.snippetCopiedAt) return;
  const onboarding =
    action === "snippet_copied" ? { ...current, snippetCopiedAt: new Date().toISOString() } : { ...current, dismissed: action === "dismiss" };
  await db.tenant.update({ where: { id: db.tenantId }, data: { settings: { ...stored, onboarding } } });
  if (action !== "snippet_copied") await recordAudit({ tenantId: db.tenantId, actorId: actor.id, action: `onboarding.${action}` });
}
