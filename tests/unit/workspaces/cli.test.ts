// The operator's command line without a database: bad input is refused with a message that names
// the problem and the usage, exit code 2, and the database is never opened; slugs are readable.
import { describe, expect, it } from "vitest";
import { runTenantCli } from "@/lib/workspaces/cli";
import { slugify } from "@/lib/workspaces/create-workspace";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = false;
  const code = await runTenantCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, async () => {
    opened = true;
    throw new Error("no database in unit tests");
  });
  return { code, out: out.join("\n"), err: err.join("\n"), opened };
}

describe("tenant commands: bad input", () => {
  it.each([
    [["create"], /Missing --name, --owner-email, --owner-password/],
    [["create", "--name", "A", "--owner-email", "a@b.test", "--owner-password", "long-enough-1"], /--name: Enter the business name \(at least 2 characters\)/],
    [["create", "--name", "Acme", "--owner-email", "x", "--owner-password", "p"], /--owner-email: Enter a valid e-mail address\.\n--owner-password: Choose a password of at least 8/],
    [["create", "Acme"], /Unexpected argument "Acme"/],
    [["create", "--name"], /argument missing/],
    [["list", "--name", "x"], /takes no arguments/],
    [["disable"], /Name one workspace/],
    [["enable", "a", "b"], /Name one workspace/],
    [["rename"], /Unknown command "rename"/],
  ])("%j → exit 2 with the usage", async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("npm run tenant:create -- --name <business name>");
    expect(r.opened).toBe(false);
    expect(r.out).toBe("");
  });

  it("reports a database failure as exit 1 with the reason", async () => {
    const r = await run(["list"]);
    expect(r).toMatchObject({ code: 1, opened: true });
    expect(r.err).toMatch(/tenant:list: failed: no database in unit tests/);
  });
});

describe("workspace slugs", () => {
  it("keeps ASCII words of the name", () => {
    expect(slugify("Zapatería Luna & Co.")).toBe("zapateria-luna-co");
    expect(slugify("  ¡¡¡  ")).toBe("workspace");
    expect(slugify("x".repeat(80))).toHaveLength(40);
  });
});
