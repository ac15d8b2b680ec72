// A page that shows one workspace cannot act on another after the session switched elsewhere.
import { describe, expect, it } from "vitest";
import { assertPageWorkspace } from "@/lib/auth/page-workspace";

describe("page workspace", () => {
  it("lets through calls for the session's workspace, and calls that name none (scripts, tests)", () => {
    expect(() => assertPageWorkspace("t1", "t1")).not.toThrow();
    expect(() => assertPageWorkspace(null, "t1")).not.toThrow();
    expect(() => assertPageWorkspace(undefined, "t1")).not.toThrow();
  });

  it("refuses a page of another workspace with a conflict that says to reload", () => {
    expect(() => assertPageWorkspace("t2", "t1")).toThrow(expect.objectContaining({ code: "conflict", message: expect.stringMatching(/Reload this page/) }));
  });
});
