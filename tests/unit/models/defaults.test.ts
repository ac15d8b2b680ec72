import { describe, expect, it } from "vitest";
import { DEFAULT_CHAT_MODEL, DEFAULT_EMBEDDING_MODEL, modelSetting } from "@/lib/models/defaults";
import { isDegraded } from "@/lib/health/model-health";
import type { ModelStatus } from "@/lib/models/model-status";

describe("CHAT_MODEL / EMBEDDING_MODEL", () => {
  it("use the built-in defaults when unset or blank", () => {
    expect(modelSetting("chat", undefined)).toEqual({ id: DEFAULT_CHAT_MODEL, isDefault: true });
    expect(modelSetting("chat", "")).toEqual({ id: DEFAULT_CHAT_MODEL, isDefault: true });
    expect(modelSetting("embedding", "  ")).toEqual({ id: DEFAULT_EMBEDDING_MODEL, isDefault: true });
  });

  it("are turned off with none (or off / false)", () => {
    for (const off of ["none", "NONE", " off ", "false"]) expect(modelSetting("chat", off)).toEqual({ id: "", isDefault: false });
  });

  it("take any other value as the model to use", () => {
    expect(modelSetting("embedding", " acme/encoder ")).toEqual({ id: "acme/encoder", isDefault: false });
    expect(modelSetting("chat", "/srv/models/qwen")).toEqual({ id: "/srv/models/qwen", isDefault: false });
  });

  it("name hub ids of ONNX exports", () => {
    expect(DEFAULT_CHAT_MODEL).toBe("onnx-community/Qwen2.5-0.5B-Instruct");
    expect(DEFAULT_EMBEDDING_MODEL).toBe("Xenova/paraphrase-multilingual-MiniLM-L12-v2");
  });
});

describe("degraded", () => {
  const status = (s: Partial<ModelStatus>): ModelStatus => ({ role: "chat", id: "x/y", isDefault: false, source: null, state: "ready", ...s });

  it("is not a default model that cannot be fetched or is on its way", () => {
    expect(isDegraded([status({ state: "unavailable", isDefault: true }), status({ state: "downloading", isDefault: true, role: "embedding" })])).toBe(false);
    expect(isDegraded([status({ state: "disabled", id: "" })])).toBe(false);
  });

  it("is a configured model that is missing, and any broken model", () => {
    expect(isDegraded([status({ state: "unavailable" })])).toBe(true);
    expect(isDegraded([status({ state: "error", isDefault: true })])).toBe(true);
  });
});
