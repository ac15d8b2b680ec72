// What the agent console prints for handoff reasons, bot decisions and waiting times.
import { describe, expect, it } from "vitest";
import { entryLabel, formatDuration, handoffReasonParts, percent, reasonLabel, triggerDetail } from "@/components/agent/labels";

describe("console labels", () => {
  it("names every handoff reason in plain words", () => {
    expect(reasonLabel("customer_request")).toBe("Asked for a person");
    expect(reasonLabel("model_handoff")).toBe("Bot unsure");
    expect(reasonLabel("unanswered")).toBe("Two unanswered questions");
    expect(reasonLabel("frustration")).toBe("Frustrated customer");
    expect(reasonLabel("no_model")).toBe("No trained model");
    expect(reasonLabel("something_new")).toBe("something new");
  });

  it("says the hand-off's reason and trigger once each, whatever their case", () => {
    expect(handoffReasonParts("customer_request", "asked for a person")).toEqual(["Asked for a person"]);
    expect(handoffReasonParts("customer_request", " Asked for a person. ")).toEqual(["Asked for a person"]);
    expect(triggerDetail("customer_request", "asked for a person")).toBeNull();
    expect(handoffReasonParts("frustration", "repeated the same question")).toEqual(["Frustrated customer", "repeated the same question"]);
    expect(triggerDetail("frustration", "wrote in capitals")).toBe("wrote in capitals");
    expect(handoffReasonParts("off_topic", "")).toEqual(["Off-topic message"]);
    expect(handoffReasonParts(null, undefined)).toEqual(["Handed over"]);
  });

  it("shows waiting times as people read them", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(185_000)).toBe("3 min 05 s");
    expect(formatDuration(2 * 3600_000 + 10 * 60_000)).toBe("2 h 10 min");
    expect(formatDuration(-5)).toBe("0 s");
  });

  it("separates the entry answered from a mere closest guess", () => {
    expect(entryLabel("answer", "shipping-time")).toBe("shipping-time");
    expect(entryLabel("handoff", "shipping-time")).toBe("closest: shipping-time");
    expect(percent(0.936)).toBe("94%");
    expect(percent(null)).toBe("—");
  });
});
