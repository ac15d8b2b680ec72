// The first-run checklist: GET its steps; POST records the copied snippet, or hides / shows it.
import { handler } from "@/lib/http/handler";
import { readOnboarding, updateOnboarding, ZOnboardingAction } from "@/lib/admin/onboarding";

export const GET = handler({ role: "admin" }, async ({ db }) => readOnboarding(db!));

export const POST = handler({ role: "admin", body: ZOnboardingAction }, async ({ db, user, body }) => {
  await updateOnboarding(db!, body, user!);
  return readOnboarding(db!);
});
