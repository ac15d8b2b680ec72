// The agent console's keyboard shortcuts: one table (the help overlay lists it) and one window
// listener. Letters act only when no text field has the focus (Escape leaves a field), and never
// with Ctrl, Alt or ⌘, so typing and the browser's own shortcuts are untouched.
"use client";

import { useEffect, useRef } from "react";

export type ShortcutAction = "help" | "next" | "previous" | "claim" | "resolve" | "reply" | "note" | "canned" | "search";

export const SHORTCUTS: { keys: string[]; action: ShortcutAction; label: string }[] = [
  { keys: ["j"], action: "next", label: "Next conversation (queue, then yours)" },
  { keys: ["k"], action: "previous", label: "Previous conversation" },
  { keys: ["c"], action: "claim", label: "Claim the open customer (or the first in the queue)" },
  { keys: ["r"], action: "reply", label: "Reply to the customer" },
  { keys: ["n"], action: "note", label: "Write an internal note" },
  { keys: ["t"], action: "canned", label: "Insert a canned response" },
  { keys: ["e"], action: "resolve", label: "Resolve the open conversation" },
  { keys: ["/"], action: "search", label: "Search conversations" },
  { keys: ["?"], action: "help", label: "Show or hide this help" },
  { keys: ["Esc"], action: "help", label: "Leave a text field / close this help" },
];

const BY_KEY = new Map(SHORTCUTS.filter((s) => s.keys[0] !== "Esc").map((s) => [s.keys[0]!, s.action]));

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName);
}

/** Calls `onAction` for shortcut keys; Escape in a text field leaves it (then letters work). */
export function useShortcuts(onAction: (action: ShortcutAction) => void, onEscape: () => void): void {
  const handler = useRef(onAction);
  const escape = useRef(onEscape);
  handler.current = onAction;
  escape.current = onEscape;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (e.key === "Escape") {
        if (typingIn(e.target)) (e.target as HTMLElement).blur();
        escape.current();
        return;
      }
      if (typingIn(e.target)) return;
      const action = BY_KEY.get(e.key);
      if (!action) return;
      e.preventDefault();
      handler.current(action);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
