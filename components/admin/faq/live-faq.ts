// What the FAQ page says about which FAQ version customers get answers from. The latest version is
// the one the admin edits; the live bot answers from the version its published model was trained
// on, which is older after an edit or a rollback until a model of the latest version is published.
import type { LiveFaqStatus } from "@/lib/admin/live-faq";

export interface LiveFaqNotice {
  kind: "none" | "behind" | "current";
  text: string;
  /** Where the admin goes to fix it; null when nothing needs doing. */
  action: string | null;
}

export function liveFaqNotice(status: LiveFaqStatus, latest: number): LiveFaqNotice {
  const ready = status.ready && status.ready.faq === latest ? status.ready : null;
  if (!status.live) {
    return {
      kind: "none",
      text: ready
        ? `No model is live yet, so customers get no answers from your FAQ. Model v${ready.model}, trained on FAQ v${latest}, is ready: publish it to put FAQ v${latest} live.`
        : `No model is live yet, so customers get no answers from your FAQ. Train a model on FAQ v${latest} and publish it to put it live.`,
      action: ready ? "Publish on the training page" : "Go to training",
    };
  }
  const { model, faq } = status.live;
  if (faq === latest) return { kind: "current", text: `The live bot answers from this version, FAQ v${latest} (model v${model}).`, action: null };
  return {
    kind: "behind",
    text: ready
      ? `The live bot answers from FAQ v${faq} (model v${model}), not from FAQ v${latest}. Model v${ready.model}, trained on FAQ v${latest}, is ready: publish it to put v${latest} live.`
      : `The live bot answers from FAQ v${faq} (model v${model}), not from FAQ v${latest}. Train and publish to put v${latest} live.`,
    action: ready ? "Publish on the training page" : "Go to training",
  };
}
