// The workspace the current console page was rendered for (a <meta> the layout writes), sent with
// API calls and the agent socket so the server refuses them after a switch in another tab
// (lib/auth/page-workspace.ts).
import { PAGE_WORKSPACE_HEADER, PAGE_WORKSPACE_META } from "@/lib/auth/page-workspace";

export function pageWorkspace(): string | null {
  if (typeof document === "undefined") return null;
  return document.querySelector(`meta[name="${PAGE_WORKSPACE_META}"]`)?.getAttribute("content") ?? null;
}

/** Headers for a console API call: the page's workspace, when it has one. */
export function workspaceHeaders(): Record<string, string> {
  const id = pageWorkspace();
  return id ? { [PAGE_WORKSPACE_HEADER]: id } : {};
}
