// Writing to the customer (or an internal note): canned responses by "/shortcut" (Tab or Enter
// inserts the highlighted one), our typing indicator to the customer (throttled), Enter sends.
"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { CannedView } from "@/lib/canned/canned-responses";

export type CannedResponse = CannedView;

/** What the console's keyboard shortcuts do with the composer. */
export interface ComposerControl {
  /** Focuses the composer in `mode`; `insert` is appended at the end (e.g. "/" opens canned responses). */
  focus(mode: "reply" | "note", insert?: string): void;
}

const TYPING_THROTTLE_MS = 2000;
const TYPING_IDLE_MS = 3000;

/** The "/word" being typed at the caret, if any. */
function shortcutAt(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)\/([\w-]*)$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() } : null;
}

export function Composer({
  canned,
  canReply,
  onSend,
  onNote,
  onTyping,
  control,
}: {
  control?: { current: ComposerControl | null };
  canned: CannedResponse[];
  canReply: boolean;
  onSend: (text: string) => Promise<boolean>;
  onNote: (text: string) => Promise<boolean>;
  onTyping: (typing: boolean) => void;
}) {
  const [mode, setMode] = useState<"reply" | "note">(canReply ? "reply" : "note");
  const [text, setTextState] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The text as last set, even before React re-renders (a shortcut may insert right after a send).
  const textRef = useRef(text);
  const setText = (value: string) => {
    textRef.current = value;
    setTextState(value);
  };
  // Puts the caret at `pos` once React has rendered `text` — unless the agent has typed since (a
  // fast "t" then "than" ended as "/hant": the late caret move sent "han" before the "t").
  const caretTo = (text: string, pos: number) => {
    const el = ref.current;
    if (el && el.value === text) el.setSelectionRange(pos, pos);
  };
  const typing = useRef<{ last: number; idle: ReturnType<typeof setTimeout> | null; on: boolean }>({ last: 0, idle: null, on: false });
  const listId = useId();
  const inputId = useId();

  useEffect(() => {
    setMode(canReply ? "reply" : "note");
  }, [canReply]);

  useEffect(() => {
    if (!control) return;
    control.current = {
      focus(next, insert) {
        setMode(next === "reply" && !canReply ? "note" : next);
        if (insert) {
          const cur = textRef.current;
          const value = cur && !/\s$/.test(cur) ? `${cur} ${insert}` : `${cur}${insert}`;
          setText(value);
          setCaret(value.length);
          requestAnimationFrame(() => caretTo(value, value.length));
          setDismissed(false);
          setActive(0);
        }
        // Focus now, so the very next key typed lands in the text box and not on the shortcut
        // handler again (a fast "t", "than" typed "/ /han"); once more after React re-renders.
        ref.current?.focus();
        requestAnimationFrame(() => ref.current?.focus());
      },
    };
    return () => {
      control.current = null;
    };
  }, [control, canReply]);

  const token = shortcutAt(text, caret);
  const matches = useMemo(() => (token ? canned.filter((c) => c.shortcut.startsWith(token.query)).slice(0, 6) : []), [token, canned]);
  const open = matches.length > 0 && !dismissed;

  const stopTyping = () => {
    const t = typing.current;
    if (t.idle) clearTimeout(t.idle);
    t.idle = null;
    if (t.on) onTyping(false);
    t.on = false;
    t.last = 0;
  };
  // Leaving the conversation ends our typing indicator.
  useEffect(() => () => stopTyping(), []);

  const noteTyping = () => {
    if (mode !== "reply") return;
    const t = typing.current;
    const now = Date.now();
    if (!t.on || now - t.last > TYPING_THROTTLE_MS) {
      onTyping(true);
      t.on = true;
      t.last = now;
    }
    if (t.idle) clearTimeout(t.idle);
    t.idle = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const insert = (c: CannedResponse) => {
    if (!token) return;
    const before = text.slice(0, token.start);
    const after = text.slice(caret);
    const next = `${before}${c.text}${after}`;
    setText(next);
    const pos = before.length + c.text.length;
    setCaret(pos);
    setActive(0);
    requestAnimationFrame(() => caretTo(next, pos));
  };

  const submit = async () => {
    const value = text.trim();
    if (!value || busy) return;
    setBusy(true);
    stopTyping();
    const ok = mode === "reply" ? await onSend(value) : await onNote(value);
    setBusy(false);
    if (ok) {
      setText("");
      setCaret(0);
    }
    // Back to the text box after the Send button — but not when the agent has moved on meanwhile
    // (Escape, a shortcut, another field): the keys they press next are not meant for it.
    if (formRef.current?.contains(document.activeElement)) ref.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        setActive((a) => (a + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
        return;
      }
      if (e.key === "Tab" || e.key === "Enter") {
        e.preventDefault();
        insert(matches[Math.min(active, matches.length - 1)]!);
        return;
      }
      if (e.key === "Escape") {
        e.preventDefault();
        setDismissed(true);
        return;
      }
    }
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  const note = mode === "note";
  return (
    <form
      ref={formRef}
      className={`border-t p-3 ${note ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="mb-2 flex gap-1 text-xs" role="group" aria-label="Write a">
        <button type="button" aria-pressed={!note} disabled={!canReply} onClick={() => setMode("reply")} data-testid="mode-reply" className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-50 ${!note ? "bg-slate-900 text-white" : "hover:bg-slate-100"}`}>
          Reply to customer
        </button>
        <button type="button" aria-pressed={note} onClick={() => setMode("note")} data-testid="mode-note" className={`rounded px-2 py-1 focus-visible:outline-2 focus-visible:outline-blue-600 ${note ? "bg-amber-500 text-white" : "hover:bg-slate-100"}`}>
          Internal note
        </button>
      </div>
      <div className="relative">
        <label htmlFor={inputId} className="sr-only">
          {note ? "Internal note (not visible to the customer)" : "Message to the customer"}
        </label>
        {open && (
          <ul id={listId} role="listbox" aria-label="Canned responses" className="absolute bottom-full left-0 mb-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white text-sm shadow-lg" data-testid="canned-list">
            {matches.map((c, i) => (
              <li
                key={c.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                data-testid="canned-option"
                className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-blue-50" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  insert(c);
                }}
              >
                <span className="font-mono text-xs text-blue-700">/{c.shortcut}</span> <span className="text-slate-700">{c.text}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="flex gap-2">
          <textarea
            ref={ref}
            id={inputId}
            rows={2}
            value={text}
            data-testid="composer-input"
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-expanded={open}
            aria-activedescendant={open ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined}
            placeholder={note ? "Only your team sees this note" : canReply ? "Type a reply — / for canned responses" : "Claim the conversation to reply"}
            onChange={(e) => {
              setText(e.target.value);
              setCaret(e.target.selectionStart);
              setActive(0);
              setDismissed(false);
              noteTyping();
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onBlur={stopTyping}
            className="min-h-[2.5rem] flex-1 resize-y rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200"
          />
          <button type="submit" disabled={busy || !text.trim()} data-testid="composer-send" className={`self-end rounded-md px-4 py-2 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-50 ${note ? "bg-amber-600 hover:bg-amber-700" : "bg-blue-600 hover:bg-blue-700"}`}>
            {note ? "Add note" : "Send"}
          </button>
        </div>
      </div>
    </form>
  );
}
