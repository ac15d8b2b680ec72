// The widget's hand-off bar: a customer still in line when nobody from the team is there any more
// (the last agent left) is told so and can leave an e-mail, keeping their place in line.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HandoffBar } from "@/components/widget/handoff-bar";
import { uiStrings } from "@/components/widget/i18n";

const t = uiStrings("en");
const render = (teamAvailable: boolean, state: "queued" | "assigned" = "queued") =>
  renderToStaticMarkup(
    createElement(HandoffBar, {
      handoff: state === "queued" ? { state, position: 3, etaSeconds: 30 } : { state, agentName: "Ana" },
      t,
      color: "#2563eb",
      teamAvailable,
      onTicket: async () => null,
    }),
  );

describe("hand-off bar", () => {
  it("shows the place in line, and the e-mail form too when nobody from the team is there", () => {
    expect(render(true)).toContain('data-testid="handoff-status"');
    expect(render(true)).not.toContain('data-testid="offline-form"');
    const away = render(false);
    expect(away).toContain('data-testid="handoff-status"');
    expect(away).toContain('data-testid="offline-form"');
    expect(away).toContain("No one is available right now");
  });

  it("never offers the form to a customer an agent is already talking to", () => {
    expect(render(false, "assigned")).not.toContain('data-testid="offline-form"');
  });
});
