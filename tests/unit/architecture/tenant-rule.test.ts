// The tenant rule (lib/tenancy/guard.ts): tenant data goes through `tenantDb(tenantId)`. The
// unscoped client (`getDb()`) is for the modules listed here only, each for a stated reason, and
// there every list or bulk query on a tenant table is bounded by the tenant (`tenantId`) or by a
// conversation, run or row the function resolved for that tenant (`conversationId`, `runId`, `id`).
// Start-up hooks (`*/startup.ts`) reset state across all tenants by design.
import { describe, expect, it } from "vitest";
import { sourceFiles } from "./import-graph";

/** Modules allowed to use the unscoped client, and why. */
const UNSCOPED: Record<string, string> = {
  "lib/db/": "the client itself, migrations",
  "lib/tenancy/": "builds tenantDb; finds a tenant by its widget key",
  "lib/app/": "start-up before any tenant is known",
  "lib/auth/": "sign-in finds the user (and so the tenant) by e-mail and session",
  "lib/api-keys/authenticate.ts": "finds the tenant by the API key",
  "lib/realtime/auth.ts": "finds the tenant by the widget key",
  "lib/widget/frame-policy.ts": "finds the tenant by the widget key",
  "lib/health/": "counts across tenants, no tenant data",
  "lib/seed/": "creates the demo tenant",
  "lib/workspaces/": "creates workspaces (sign-up, operator, first-run setup) and reads whether one is disabled, before any tenant scope exists",
  "lib/privacy/retention.ts": "the retention purge runs over all tenants",
  "lib/audit/record.ts": "writes inside the caller's transaction; the tenant is named in every row",
  "lib/faq/versions.ts": "numbers versions in a transaction with a unique-index retry",
  "lib/chat/": "live chat engine: per-conversation counters and row-locking transactions",
  "lib/handoff/": "hand-off engine: conditional updates and row-locking transactions",
  "lib/tenant-models/": "training jobs and the model cache run outside a request, across tenants",
  "lib/webhooks/worker.ts": "the delivery worker claims due outbox rows of every tenant; each row names its tenant",
  "lib/metrics/registry.ts": "counts the queue across tenants, no tenant data",
  "lib/attachments/serve.ts": "opens one attachment by its signed link, before any tenant is known",
  "lib/attachments/customer-upload.ts": "the widget's upload starts the visitor's conversation like the chat engine (lib/chat/)",
  "lib/conversations/search.ts": "the full-text index lookup is provider-specific raw SQL (bounded by tenantId); the rows shown are read through tenantDb",
};

const TENANT_TABLES = ["invitation", "tenantLogo", "user", "faqVersion", "faqEntry", "modelVersion", "trainingRun", "visitor", "conversation", "message", "decision", "handoff", "offlineTicket", "cannedResponse", "rating", "auditLog", "apiKey", "session", "knowledgeVersion", "knowledgeDocument", "knowledgePassage", "knowledgeVersionDocument", "webhook", "webhookDelivery", "ticketReply", "team", "teamMember"];
const LIST_OPS = ["findMany", "findFirst", "findFirstOrThrow", "updateMany", "deleteMany", "count", "groupBy", "aggregate"];
const CALL = new RegExp(`\\b(?:db|tx|\\w+\\.db)\\.(${TENANT_TABLES.join("|")})\\.(${LIST_OPS.join("|")})\\(`, "g");
const BOUNDED = /\btenantId\b|\bconversationId\b|\brunId\b|\bwhere: \{ id\b|\bid: \{ in\b/;

const allowed = (file: string) => Object.keys(UNSCOPED).some((p) => file === p || (p.endsWith("/") && file.startsWith(p)));
const usesUnscoped = (text: string) => /import \{[^}]*\bgetDb\b[^}]*\} from "@\/lib\/db"/.test(text);

/** The argument text of the call whose "(" is at `open`. */
function argumentText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

describe("tenant rule", () => {
  const files = [...sourceFiles().values()];

  it("uses the unscoped database client only in the listed modules", () => {
    const offenders = files.filter((f) => usesUnscoped(f.text) && !allowed(f.file)).map((f) => f.file);
    expect(offenders, "use tenantDb(tenantId) (or the handler's db) for tenant data").toEqual([]);
  });

  it("bounds every list and bulk query of unscoped code by the tenant or a resolved conversation", () => {
    const unbounded: string[] = [];
    for (const f of files.filter((f) => usesUnscoped(f.text) && /^lib\/(chat|handoff|tenant-models)\//.test(f.file) && !f.file.endsWith("/startup.ts"))) {
      for (const m of f.text.matchAll(CALL)) {
        const args = argumentText(f.text, m.index! + m[0].length - 1);
        if (!BOUNDED.test(args)) unbounded.push(`${f.file}: ${m[1]}.${m[2]}(${args.slice(0, 80)})`);
      }
    }
    expect(unbounded).toEqual([]);
  });

  it("notices an unbounded query", () => {
    const sample = 'const rows = await db.conversation.findMany({ where: { status: "queued" } });';
    const m = [...sample.matchAll(CALL)][0];
    expect(BOUNDED.test(argumentText(sample, m.index! + m[0].length - 1))).toBe(false);
  });
});
