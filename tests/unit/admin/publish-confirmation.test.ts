// What the in-page confirmation says before publishing a model or rolling back: which model
// answers customers from when, which one stops answering, and the way back.
import { describe, expect, it } from "vitest";
import { publishConfirmation } from "@/components/admin/training/publish-confirmation";

describe("publish confirmation", () => {
  it("publishing a newer model names the live one that stops answering and the way back", () => {
    expect(publishConfirmation({ number: 3, faqVersionNumber: 5 }, { number: 2 })).toEqual({
      title: "Publish model v3?",
      confirmLabel: "Publish model v3",
      body: "Customers get its answers (from FAQ v5) from their next message on; model v2, live now, stops answering. You can roll back to v2 from this table.",
    });
  });

  it("rolling back to an older model says so, and how to publish the newer one again", () => {
    expect(publishConfirmation({ number: 1, faqVersionNumber: 1 }, { number: 2 })).toEqual({
      title: "Roll back to model v1?",
      confirmLabel: "Roll back to model v1",
      body: "Customers get model v1's answers (from FAQ v1) again from their next message on; model v2, live now, stops answering. You can publish v2 again from this table.",
    });
  });

  it("the first publish says no model answers yet, and leaves out a deleted FAQ version", () => {
    const c = publishConfirmation({ number: 1, faqVersionNumber: null }, null);
    expect(c.title).toBe("Publish model v1?");
    expect(c.body).toBe("Customers get its answers from their next message on. No model answers them yet: this is the first one live.");
  });
});
