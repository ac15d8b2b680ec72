import { describe, expect, it } from "vitest";
import { loadTenantModel, trainTenantModel } from "@/lib/training";
import { keyAsText } from "@/lib/training/entry-keys";

// Two entries whose phrasings never say what the keys say: only the keys tell a customer asking
// about "lost luggage" which entry is meant.
const faq = [
  ...["where can I leave my suitcase", "is there a place to store bags", "can you keep my backpack for a while"].map((text) => ({ text, label: "lost-luggage-desk" })),
  ...["is breakfast included", "what time is the morning meal", "do you serve food in the morning"].map((text) => ({ text, label: "breakfast_hours" })),
  ...["how do I get a taxi", "can you call me a cab", "is there a shuttle to the airport"].map((text) => ({ text, label: "taxi" })),
];

describe("entry keys as phrasings (opt-in)", () => {
  it("reads a descriptive key as words and ignores code-like keys", () => {
    expect(keyAsText("lost-luggage-desk")).toBe("lost luggage desk");
    expect(keyAsText("Breakfast_Hours")).toBe("breakfast hours");
    expect(keyAsText("faq-12")).toBe("faq 12");
    expect(keyAsText("q1")).toBeNull();
    expect(keyAsText("12-34")).toBeNull();
  });

  it("routes a question worded like an entry's key to that entry when enabled", async () => {
    const model = await loadTenantModel((await trainTenantModel(faq, { seed: 0, entryKeyPhrasings: true })).files);
    expect((await model.decide("lost luggage")).candidates[0].label).toBe("lost-luggage-desk");
    expect((await model.decide("breakfast hours?")).candidates[0].label).toBe("breakfast_hours");
    await model.dispose();
  });
});
