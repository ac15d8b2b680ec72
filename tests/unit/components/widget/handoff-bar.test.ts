// The widget's hand-off bar: a customer still in line when nobody from the team is there any more
// (the last agent left) is told so and can leave an e-mail, keeping their place in line; with
// nobody available the e-mail form has its own short heading (the chat's system line already says
// why) and starts with what the customer already wrote.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HandoffBar } from "@/components/widget/handoff-bar";
import { uiStrings } from "@/components/widget/i18n";

const t = uiStrings("en");
const render = (teamAvailable: boolean, state: "queued" | "assigned" | "offline" = "queued", draft?: string, strings = t) =>
  renderToStaticMarkup(
    createElement(HandoffBar, {
      handoff: state === "queued" ? { state, position: 3, etaSeconds: 30 } : state === "offline" ? { state, reason: "no_agents" } : { state, agentName: "Ana" },
      t: strings,
      color: "#2563eb",
      teamAvailable,
      onTicket: async () => null,
      draft,
    }),
  );

describe("hand-off bar", () => {
  it("shows the place in line, and the e-mail form too when nobody from the team is there", () => {
    expect(render(true)).toContain('data-testid="handoff-status"');
    expect(render(true)).not.toContain('data-testid="offline-form"');
    const away = render(false);
    expect(away).toContain('data-testid="handoff-status"');
    expect(away).toContain('data-testid="offline-form"');
    expect(away).toContain("No one from our team is here right now. You keep your place in line");
    expect(away).toContain("Leave us your e-mail");
  });

  it("heads the form with a short line of its own when nobody is available (the chat already said why)", () => {
    const offline = render(false, "offline");
    expect(offline).toContain('data-testid="offline-heading"');
    expect(offline).toContain("Leave us your e-mail");
    expect(offline).not.toContain('data-testid="offline-note"');
    expect(offline).not.toMatch(/available right now/i);
    expect(render(false, "offline", undefined, uiStrings("es"))).toContain("Déjanos tu e-mail");
  });

  it("starts the message with the customer's draft, and empty without one", () => {
    expect(render(false, "offline", "my order never arrived, it's been 10 days")).toMatch(/<textarea[^>]*>my order never arrived, it&#x27;s been 10 days<\/textarea>/);
    expect(render(false, "offline")).toMatch(/<textarea[^>]*><\/textarea>/);
  });

  it("can be closed with a labelled button, in the customer's language", () => {
    expect(render(false, "offline")).toMatch(/<button[^>]*aria-label="Close the e-mail form"[^>]*data-testid="offline-close"/);
    expect(render(false, "queued")).toContain('aria-label="Close the e-mail form"');
    expect(render(false, "offline", undefined, uiStrings("es"))).toContain('aria-label="Cerrar el formulario de e-mail"');
  });

  it("never offers the form to a customer an agent is already talking to", () => {
    expect(render(false, "assigned")).not.toContain('data-testid="offline-form"');
  });
});
