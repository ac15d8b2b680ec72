// What the FAQ page says about the FAQ version customers get answers from, when the live model was
// trained on an older one (after an edit or a rollback) or no model is live.
import { describe, expect, it } from "vitest";
import { liveFaqNotice } from "@/components/admin/faq/live-faq";

describe("live FAQ notice", () => {
  it("says the live bot answers from an older FAQ version after a rollback, and how to put the latest live", () => {
    const n = liveFaqNotice({ live: { model: 1, faq: 1 }, ready: null }, 2);
    expect(n.kind).toBe("behind");
    expect(n.text).toBe("The live bot answers from FAQ v1 (model v1), not from FAQ v2. Train and publish to put v2 live.");
    expect(n.action).toBe("Go to training");
  });

  it("names the model already trained on the latest version, when there is one", () => {
    const n = liveFaqNotice({ live: { model: 1, faq: 1 }, ready: { model: 2, faq: 2 } }, 2);
    expect(n.text).toBe("The live bot answers from FAQ v1 (model v1), not from FAQ v2. Model v2, trained on FAQ v2, is ready: publish it to put v2 live.");
    expect(n.action).toBe("Publish on the training page");
  });

  it("forgets that model once a newer FAQ version is saved on the page", () => {
    const n = liveFaqNotice({ live: { model: 1, faq: 1 }, ready: { model: 2, faq: 2 } }, 3);
    expect(n.text).toBe("The live bot answers from FAQ v1 (model v1), not from FAQ v3. Train and publish to put v3 live.");
  });

  it("confirms the latest version is live, without a call to action", () => {
    expect(liveFaqNotice({ live: { model: 3, faq: 2 }, ready: null }, 2)).toEqual({ kind: "current", text: "The live bot answers from this version, FAQ v2 (model v3).", action: null });
  });

  it("says no FAQ version is live before the first model is published", () => {
    const n = liveFaqNotice({ live: null, ready: null }, 1);
    expect(n.kind).toBe("none");
    expect(n.text).toMatch(/No model is live yet.*Train a model on FAQ v1 and publish it/);
  });
});
