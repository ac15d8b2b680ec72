// The model runtime card for an admin: what a missing model means for the bot, in plain words, and
// the runtime's technical message on a line for the server's operator, without repository paths.
import { describe, expect, it } from "vitest";
import { modelStateText, operatorDetail, replyModeText } from "@/lib/admin/model-health-text";

const missingDefault =
  'The default chat model: CHAT_MODEL="onnx-community/Qwen2.5-0.5B-Instruct" is not in MODELS_DIR (/srv/models/onnx-community/Qwen2.5-0.5B-Instruct) and ALLOW_REMOTE_MODELS=false. Run "npm run models:pull" on a machine with internet access and copy MODELS_DIR here. Or set CHAT_MODEL=none to turn it off.';
const failedDownload = 'The default chat model "x/y" could not be downloaded: the hub did not answer. The bot answers without it. Set CHAT_MODEL=none to turn it off, or see "Air-gapped server" in lib/models/README.md.';

describe("model runtime text for admins", () => {
  it("says what the bot does without the chat model, and who can install it, with no settings or paths", () => {
    const text = replyModeText("faq-only", { state: "unavailable" });
    expect(text).toMatch(/answers with your FAQ's own text.*local language model.*not installed on this server.*server's operator can install/);
    for (const state of ["unavailable", "disabled", "error", "downloading"] as const) {
      expect(replyModeText("faq-only", { state })).not.toMatch(/CHAT_MODEL|README\.md|lib\/|verbatim/);
    }
    expect(replyModeText("generative", { state: "ready" })).toMatch(/written by the local language model/);
  });

  it("puts the runtime's message on the operator's line, the repository path replaced by the README section", () => {
    const t = modelStateText({ role: "chat", state: "unavailable", error: failedDownload });
    expect(t.admin).toBe("Not installed on this server: the bot answers with your FAQ's own text. Your server's operator can install it.");
    expect(t.operator).toBe('The default chat model "x/y" could not be downloaded: the hub did not answer. The bot answers without it. Set CHAT_MODEL=none to turn it off, or see "Air-gapped server" in the README\'s “Models” section.');
    expect(t.operator).not.toMatch(/lib\/models/);
    // Server settings stay for the operator (a server path is not a repository path).
    expect(modelStateText({ role: "chat", state: "unavailable", error: missingDefault }).operator).toBe(missingDefault);
  });

  it("explains a turned-off model and a missing embedding model", () => {
    expect(modelStateText({ role: "chat", state: "disabled" })).toEqual({
      admin: "Turned off on this server: the bot answers with your FAQ's own text.",
      operator: "Turned off with CHAT_MODEL=none; remove that setting to use the default model.",
    });
    expect(modelStateText({ role: "embedding", state: "unavailable", error: "x" }).admin).toMatch(/still understands questions with the model trained on your FAQ/);
    expect(modelStateText({ role: "chat", state: "ready" })).toEqual({ admin: "", operator: null });
  });

  it("replaces any repository README path", () => {
    expect(operatorDetail("see lib/models/README.md#default-models for more")).toBe("see the README's “Models” section for more");
  });
});
