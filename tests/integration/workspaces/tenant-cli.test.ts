// The operator's commands as an operator runs them (`npm run tenant:create|list|disable|enable`),
// on SQLite and PostgreSQL, on a database no server has opened yet and next to a running server:
// the new workspace's owner signs in at once; a disabled workspace keeps its data, its members
// cannot sign in (open sessions end), its widget shows nothing; bad input exits non-zero with a
// message that says what is wrong.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { createDb, type Db } from "@/lib/db";
import { createEmptyTestDatabase, silentLog, testDbKinds, type EmptyTestDatabase } from "@/tests/support/db";
import { startAppServer, type AppServer } from "@/tests/support/app-server";

const kinds = await testDbKinds();
const root = path.resolve(import.meta.dirname, "..", "..", "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The JSON of stdout's last line. */
  json: () => unknown;
}

function npmRun(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", script, "--", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent", ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    // "close", not "exit": the output streams may still hold data when the process exits.
    child.on("close", (code) =>
      resolve({
        code,
        stdout,
        stderr,
        json: () => {
          if (code !== 0) throw new Error(`npm run ${script} exited with ${code}:\n${stderr}`);
          return JSON.parse(stdout.trim().split("\n").at(-1)!);
        },
      }),
    );
  });
}

async function login(server: AppServer, email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("faqbot_session="))?.split(";")[0];
  return { status: res.status, body: (await res.json()) as { error?: { message: string } }, cookie };
}

describe.each(kinds)("tenant commands on %s", (kind) => {
  let database: EmptyTestDatabase;
  let dataDir: string;
  let env: Record<string, string>;
  let db: Db;
  let server: AppServer | undefined;

  beforeAll(async () => {
    database = await createEmptyTestDatabase(kind);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "faqbot-cli-"));
    env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
  });

  afterAll(async () => {
    await server?.stop();
    await db?.$disconnect();
    await database?.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("creates a workspace and its owner on a database no server has opened, and prints JSON last", async () => {
    const run = await npmRun("tenant:create", ["--name", "Zapatería Luna", "--owner-email", "Luna@Shop.test", "--owner-password", "luna-password-1"], env);
    expect(run.stderr.split("\n").filter((l) => /error/i.test(l))).toEqual([]);
    expect(run.code).toBe(0);
    const out = run.json() as { tenantId: string; widgetKey: string; ownerEmail: string };
    expect(out).toEqual({ tenantId: expect.any(String), widgetKey: expect.stringMatching(/^pk_\w{16,}$/), ownerEmail: "luna@shop.test" });
    expect(run.stdout).toContain('Created workspace "Zapatería Luna"');

    db = await createDb({ url: database.url, dataDir, log: silentLog });
    const tenant = await db.tenant.findUniqueOrThrow({ where: { id: out.tenantId }, include: { users: { include: { account: true } } } });
    expect(tenant).toMatchObject({ name: "Zapatería Luna", slug: "zapateria-luna", widgetKey: out.widgetKey, allowedOrigins: [], disabledAt: null });
    expect(tenant.users.map((u) => [u.email, u.role, u.account.email])).toEqual([["luna@shop.test", "owner", "luna@shop.test"]]);
    expect(await db.auditLog.count({ where: { tenantId: out.tenantId, action: "workspace.create" } })).toBe(1);
  });

  it("refuses bad input with a clear message and a non-zero exit, creating nothing", async () => {
    const before = await db.tenant.count();
    const cases: Array<[string, string[], number, RegExp]> = [
      ["tenant:create", ["--name", "No Owner"], 2, /Missing --owner-email, --owner-password/],
      ["tenant:create", ["--name", "Bad", "--owner-email", "not-an-email", "--owner-password", "long-enough-1"], 2, /--owner-email: Enter a valid e-mail address/],
      ["tenant:create", ["--name", "Bad", "--owner-email", "a@b.test", "--owner-password", "short"], 2, /--owner-password: Choose a password of at least 8 characters/],
      ["tenant:create", ["--name", "Bad", "--owner-email", "a@b.test", "--owner-password", "long-enough-1", "--colour", "red"], 2, /Unknown option '--colour'/],
      ["tenant:create", ["--name", "Second", "--owner-email", "luna@shop.test", "--owner-password", "not-lunas-password"], 1, /already has an account and --owner-password is not its password/],
      ["tenant:disable", [], 2, /Name one workspace/],
      ["tenant:disable", ["no-such-workspace"], 1, /No workspace has the id, widget key or slug "no-such-workspace"/],
      ["tenant:list", ["extra"], 2, /takes no arguments/],
    ];
    for (const [script, args, code, message] of cases) {
      const run = await npmRun(script, args, env);
      expect({ script, args, code: run.code }).toEqual({ script, args, code });
      expect(run.stderr).toMatch(message);
    }
    expect(await db.tenant.count()).toBe(before);
  });

  it("works next to a running server: the owner signs in; a disabled workspace keeps its data, refuses its people and shows no widget", async () => {
    server = await startAppServer({ databaseUrl: database.url, env: { SEED_DEMO: "false" } });
    const created = await npmRun("tenant:create", ["--name", "Tienda Sol", "--owner-email", "sol@shop.test", "--owner-password", "sol-password-1", "--owner-name", "Sol"], env);
    expect(created.code).toBe(0);
    const { tenantId, widgetKey } = created.json() as { tenantId: string; widgetKey: string };
    const signedIn = await login(server, "sol@shop.test", "sol-password-1");
    expect(signedIn.status).toBe(200);
    const me = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: signedIn.cookie! } })).json();
    expect(me.user).toMatchObject({ tenantId, role: "owner", name: "Sol" });

    // An existing account gets the workspace added when the operator gives its password.
    const second = await npmRun("tenant:create", ["--name", "Tienda Sol Norte", "--owner-email", "sol@shop.test", "--owner-password", "sol-password-1"], env);
    expect(second.code).toBe(0);
    const list = await npmRun("tenant:list", [], env);
    expect(list.code).toBe(0);
    const rows = list.json() as Array<{ tenantId: string; name: string; status: string; owners: string[] }>;
    expect(rows.map((r) => r.name)).toEqual(["Zapatería Luna", "Tienda Sol", "Tienda Sol Norte"]);
    expect(rows.find((r) => r.tenantId === tenantId)).toMatchObject({ status: "active", owners: ["sol@shop.test"] });

    // Data the workspace has, and a page of its site allowed to show the chat.
    await db.tenant.update({ where: { id: tenantId }, data: { allowedOrigins: ["http://127.0.0.1:*"] } });
    const visitor = await db.visitor.create({ data: { tenantId } });
    await db.conversation.create({ data: { tenantId, visitorId: visitor.id } });
    const check = () => fetch(`${server!.url}/api/widget/check?key=${widgetKey}`, { headers: { origin: "http://127.0.0.1:5555" } }).then((r) => r.status);
    expect(await check()).toBe(200);

    const disabled = await npmRun("tenant:disable", [widgetKey], env);
    expect(disabled.code).toBe(0);
    expect(disabled.json()).toMatchObject({ tenantId, status: "disabled", changed: true });
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { cookie: signedIn.cookie! } })).status).toBe(401);
    expect(await check()).toBe(404);
    const refused = connect(`${server.url}/widget`, { transports: ["websocket"], reconnection: false, auth: { key: widgetKey }, extraHeaders: { origin: "http://127.0.0.1:5555" } });
    expect(await new Promise<string>((resolve) => refused.on("connect_error", (e) => resolve(e.message)).on("connect", () => resolve("connected")))).toMatch(/Unknown chat widget key/);
    refused.close();
    // Sol still owns the other workspace: sign-in lands there; Luna's only workspace is untouched.
    const elsewhere = await login(server, "sol@shop.test", "sol-password-1");
    expect(elsewhere.status).toBe(200);
    const meElsewhere = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie: elsewhere.cookie! } })).json();
    expect(meElsewhere.user.tenantId).toBe((second.json() as { tenantId: string }).tenantId);
    expect(await db.conversation.count({ where: { tenantId } })).toBe(1);
    expect(await db.user.count({ where: { tenantId } })).toBe(1);

    // Disabling the other one too: the password is right, so the refusal says why.
    expect((await npmRun("tenant:disable", ["tienda-sol-norte"], env)).code).toBe(0);
    const none = await login(server, "sol@shop.test", "sol-password-1");
    expect(none.status).toBe(401);
    expect(none.body.error!.message).toMatch(/workspace has been disabled/);

    const enabled = await npmRun("tenant:enable", [tenantId], env);
    expect(enabled.json()).toMatchObject({ status: "active", changed: true });
    expect((await login(server, "sol@shop.test", "sol-password-1")).status).toBe(200);
    expect(await check()).toBe(200);
  });
});
