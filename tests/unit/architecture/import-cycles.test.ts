// No import cycles among lib/ modules (type-only imports aside): a cycle makes load order decide
// behaviour and usually means two domains reach into each other instead of talking by events.
import { describe, expect, it } from "vitest";
import { importCycles, sourceFiles } from "./import-graph";

describe("import graph", () => {
  it("reads the project's modules and resolves @/ imports", () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(150);
    expect(files.get("lib/chat/widget-socket.ts")?.imports.some((e) => e.target === "lib/realtime/attach.ts")).toBe(true);
  });

  it("has no cycle among lib/ modules", () => {
    expect(importCycles((f) => f.startsWith("lib/"))).toEqual([]);
  });
});
