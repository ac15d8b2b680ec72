"use client";
// The message box: Enter sends, Shift+Enter adds a line, a counter appears near the length
// limit and sending is refused past it (the server would refuse it too). What is typed and not yet
// sent is kept as a draft (`draft`), so a reload or another page of the site does not lose it.
import { forwardRef, useEffect, useRef, useState } from "react";
import type { UiStrings } from "./i18n";

interface Props {
  maxChars: number;
  color: string;
  t: UiStrings;
  onSend: (text: string) => void;
  onTyping: (typing: boolean) => void;
  /** A file the customer chose to attach (images and PDFs; the server checks the content). */
  onAttach?: (file: File) => void;
  /** Where the unsent text is kept (the widget's storage). */
  draft?: { load(): string; save(text: string): void };
}

export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer({ maxChars, color, t, onSend, onTyping, onAttach, draft }, ref) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setTextState] = useState(() => draft?.load() ?? "");
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(text);
  latest.current = text;
  // Leaving the page before the pause: save what is there now.
  useEffect(() => {
    const flush = () => latest.current && draft?.save(latest.current);
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [draft]);
  const setText = (value: string) => {
    setTextState(value);
    // Saved a moment after typing stops, at once when cleared (sent).
    if (draftTimer.current) clearTimeout(draftTimer.current);
    if (value === "") draft?.save("");
    else draftTimer.current = setTimeout(() => draft?.save(value), 300);
  };
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const over = text.length - maxChars;
  const nearLimit = text.length >= maxChars * 0.8;

  const submit = () => {
    const value = text.trim();
    if (!value || over > 0) return;
    onSend(value);
    setText("");
    stopTyping();
  };
  const stopTyping = () => {
    if (typingTimer.current) {
      clearTimeout(typingTimer.current);
      typingTimer.current = null;
      onTyping(false);
    }
  };
  const change = (value: string) => {
    setText(value);
    if (!typingTimer.current) onTyping(true);
    else clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, 3000);
  };

  return (
    <form
      className="border-t border-slate-200 bg-white p-2"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex items-end gap-2">
        {onAttach && (
          <>
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"
              className="sr-only"
              tabIndex={-1}
              aria-hidden="true"
              data-testid="attach-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) onAttach(file);
              }}
            />
            <button
              type="button"
              onClick={() => fileInput.current?.click()}
              aria-label={t.attach}
              title={t.attach}
              data-testid="attach"
              className="h-10 w-10 shrink-0 rounded-xl border border-slate-300 text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
            >
              <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="mx-auto">
                <path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
              </svg>
            </button>
          </>
        )}
        <textarea
          ref={ref}
          value={text}
          rows={Math.min(5, Math.max(1, text.split("\n").length))}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          placeholder={t.placeholder}
          aria-label={t.placeholder}
          data-testid="composer"
          aria-invalid={over > 0}
          aria-describedby={nearLimit ? "composer-count" : undefined}
          className="max-h-32 min-h-10 flex-1 resize-none [field-sizing:content] rounded-xl border border-slate-300 px-3 py-2 text-sm text-slate-900 focus:border-slate-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400"
        />
        <button
          type="submit"
          disabled={!text.trim() || over > 0}
          className="h-10 rounded-xl px-4 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-50"
          style={{ background: color }}
        >
          {t.send}
        </button>
      </div>
      {nearLimit && (
        <p id="composer-count" className={`mt-1 text-right text-xs ${over > 0 ? "text-red-700" : "text-slate-500"}`} data-testid="char-count">
          {text.length} / {maxChars}
          {over > 0 ? ` — ${t.tooLong(over)}` : ""}
        </p>
      )}
    </form>
  );
});
