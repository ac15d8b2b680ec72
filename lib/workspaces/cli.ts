// The operator's command line (`npm run tenant:create | tenant:list | tenant:disable |
// tenant:enable`, scripts/tenant.ts): parses the arguments with zod, runs one operation of
// lib/workspaces/operator.ts against DATABASE_URL (SQLite or PostgreSQL; a running server is no
// obstacle: it sees the change on its next query), prints what happened for a person and, as the
// last line, JSON for scripts. Bad input exits 2 with the usage; a refused operation exits 1.
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { publicBaseUrl } from "@/lib/app/urls";
import { listWorkspaces, operatorCreateWorkspace, setWorkspaceDisabled, ZOperatorCreate } from "@/lib/workspaces/operator";

export const USAGE = `Usage:
  npm run tenant:create -- --name <business name> --owner-email <e-mail> --owner-password <password> [--owner-name <name>]
  npm run tenant:list
  npm run tenant:disable -- <tenant id | widget key | slug>
  npm run tenant:enable -- <tenant id | widget key | slug>
The database is the server's: DATABASE_URL (empty: SQLite under DATA_DIR).`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

class UsageError extends Error {}

const ZRef = z.string().trim().min(1).max(200);

function usage(message: string): never {
  throw new UsageError(message);
}

function parse(command: string, args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: "string" },
        "owner-email": { type: "string" },
        "owner-password": { type: "string" },
        "owner-name": { type: "string" },
        tenant: { type: "string" },
      },
    });
  } catch (err) {
    usage((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (command === "create") {
    if (positionals.length > 0) usage(`Unexpected argument "${positionals[0]}" (values go after --name, --owner-email, --owner-password).`);
    const missing = (["name", "owner-email", "owner-password"] as const).filter((k) => values[k] === undefined);
    if (missing.length) usage(`Missing ${missing.map((k) => `--${k}`).join(", ")}.`);
    const input = ZOperatorCreate.safeParse({ name: values.name, ownerEmail: values["owner-email"], ownerPassword: values["owner-password"], ownerName: values["owner-name"] });
    if (!input.success) {
      const flag: Record<string, string> = { name: "--name", ownerEmail: "--owner-email", ownerPassword: "--owner-password", ownerName: "--owner-name" };
      usage(input.error.issues.map((i) => `${flag[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`).join("\n"));
    }
    return { command, input: input.data } as const;
  }
  if (command === "list") {
    if (positionals.length > 0 || Object.keys(values).length > 0) usage("tenant:list takes no arguments.");
    return { command } as const;
  }
  if (command === "disable" || command === "enable") {
    const ref = ZRef.safeParse(values.tenant ?? positionals[0]);
    if (!ref.success || positionals.length > 1) usage(`Name one workspace: npm run tenant:${command} -- <tenant id | widget key | slug>.`);
    return { command, ref: ref.data } as const;
  }
  usage(`Unknown command "${command}".`);
}

/** Runs one command; returns the process exit code. `openDb` is called only for valid input. */
export async function runTenantCli(argv: string[], io: CliIo, openDb: () => Promise<Db>): Promise<number> {
  const [command = "", ...args] = argv;
  let cmd;
  try {
    cmd = parse(command, args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`tenant:${command || "?"}: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  let db: Db | undefined;
  try {
    db = await openDb();
    if (cmd.command === "create") {
      const { tenant, owner } = await operatorCreateWorkspace(db, cmd.input);
      io.out(`Created workspace "${tenant.name}" (${tenant.id}) with owner ${owner.email}.`);
      io.out(`Widget snippet: <script src="${publicBaseUrl()}/widget.js" data-tenant="${tenant.widgetKey}" async></script>`);
      io.out("The owner signs in at /login; they add their website under Settings → Allowed origins.");
      io.out(JSON.stringify({ tenantId: tenant.id, widgetKey: tenant.widgetKey, ownerEmail: owner.email }));
    } else if (cmd.command === "list") {
      const rows = await listWorkspaces(db);
      if (rows.length === 0) io.out("No workspaces yet.");
      for (const r of rows) io.out(`${r.status === "disabled" ? "DISABLED " : ""}${r.name}  id=${r.tenantId}  key=${r.widgetKey}  members=${r.members}  owners=${r.owners.join(",") || "-"}`);
      io.out(JSON.stringify(rows));
    } else {
      const r = await setWorkspaceDisabled(db, cmd.ref, cmd.command === "disable");
      const verb = cmd.command === "disable" ? "disabled" : "enabled";
      io.out(
        r.changed
          ? `Workspace "${r.name}" (${r.tenantId}) is now ${verb}.${cmd.command === "disable" ? " Its widget shows nothing and its members cannot sign in; its data is kept (tenant:enable brings it back)." : ""}`
          : `Workspace "${r.name}" (${r.tenantId}) was already ${verb}.`,
      );
      io.out(JSON.stringify({ tenantId: r.tenantId, widgetKey: r.widgetKey, status: r.status, changed: r.changed }));
    }
    return 0;
  } catch (err) {
    io.err(`tenant:${command}: ${isAppError(err) ? err.message : `failed: ${(err as Error).message}`}`);
    return 1;
  } finally {
    await db?.$disconnect().catch(() => undefined);
  }
}
