// What the admin console says about the server's models, in an admin's words: what the bot does
// without a model and who can change it. The runtime's own messages (settings, commands, why a
// download failed) are for the server's operator; they are shown on a line of their own, with
// references to files of the code repository replaced by the README section an operator reads.
import type { ModelStatus } from "@/lib/models/model-status";

export interface ModelHealthText {
  /** One sentence for the admin. */
  admin: string;
  /** The technical detail for the server's operator, or null when there is none worth showing. */
  operator: string | null;
}

const ROLE_VAR = { chat: "CHAT_MODEL", embedding: "EMBEDDING_MODEL" } as const;
const README = "the README's “Models” section";

/** A runtime message with the code repository's file paths replaced by the README section that explains them. */
export function operatorDetail(message: string): string {
  return message
    .replace(/(?:in |see )?(?:\b[\w.-]+\/)+README\.md(?:#[\w-]+)?/g, (m) => `${/^in /.test(m) ? "in " : /^see /.test(m) ? "see " : ""}${README}`)
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** The line under the model runtime card's title: how the bot writes its replies now. */
export function replyModeText(mode: "generative" | "faq-only", chat: Pick<ModelStatus, "state"> | undefined): string {
  if (mode === "generative") return "Replies are written by the local language model from the matched FAQ answer.";
  switch (chat?.state) {
    case "downloading":
    case "loading":
      return "The local language model is on its way; until it is ready the bot answers with your FAQ's own text.";
    case "disabled":
      return "The bot answers with your FAQ's own text: the local language model that rewords replies is turned off on this server. This is a supported way to run the bot; your server's operator can turn the model on.";
    case "error":
      return "The bot answers with your FAQ's own text: the local language model that rewords replies is installed on this server but could not be started. Your server's operator can see why below.";
    default:
      return `The bot answers with your FAQ's own text: the local language model that rewords replies is not installed on this server. This is a supported way to run the bot; your server's operator can install the model (see ${README}).`;
  }
}

/** What one model's state means for the admin, and the detail for the operator. */
export function modelStateText(m: Pick<ModelStatus, "role" | "state" | "error">): ModelHealthText {
  const without = m.role === "chat" ? "the bot answers with your FAQ's own text" : "the bot still understands questions with the model trained on your FAQ";
  const operator = m.error ? operatorDetail(m.error) : null;
  switch (m.state) {
    case "disabled":
      return { admin: `Turned off on this server: ${without}.`, operator: `Turned off with ${ROLE_VAR[m.role]}=none; remove that setting to use the default model.` };
    case "unavailable":
      return { admin: `Not installed on this server: ${without}. Your server's operator can install it.`, operator };
    case "error":
      return { admin: `Installed but could not be started: ${without}. Your server's operator can fix it.`, operator };
    default:
      return { admin: "", operator };
  }
}
