// A console page belongs to the workspace it was rendered for. The session can move to another
// workspace meanwhile (the person switched in another tab), and the cookie is shared by every tab:
// so console pages send the workspace they show (a header on API calls, a field of the agent
// socket's handshake) and a request for a different workspace than the session's is refused,
// instead of acting on the other workspace's data from a page that shows this one's.
import { AppError } from "@/lib/errors/app-error";

export const PAGE_WORKSPACE_HEADER = "x-faqbot-workspace";
export const PAGE_WORKSPACE_META = "faqbot-workspace";
export const WORKSPACE_CHANGED_MESSAGE = "You switched to another workspace in another tab or window. Reload this page to continue in the workspace you are in now.";

/** Throws when a page of one workspace calls with a session that now acts for another. */
export function assertPageWorkspace(claimed: unknown, sessionTenantId: string): void {
  if (typeof claimed === "string" && claimed !== "" && claimed !== sessionTenantId) throw new AppError("conflict", WORKSPACE_CHANGED_MESSAGE);
}
