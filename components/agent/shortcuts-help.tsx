// The keyboard shortcuts overlay ("?"): a modal dialog listing every shortcut; Escape, the close
// button or "?" again close it, and the focus returns to where it was.
"use client";

import { useEffect, useRef } from "react";
import { SHORTCUTS } from "./shortcuts";

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} tabIndex={-1} role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" className="w-full max-w-md rounded-lg bg-white p-5 shadow-xl focus:outline-none">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="shortcuts-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <button type="button" onClick={onClose} aria-label="Close" className="rounded px-2 text-lg hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600">
            ×
          </button>
        </div>
        <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.keys.join("+") + s.label} className="contents" data-testid="shortcut">
              <dt>
                {s.keys.map((k) => (
                  <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{s.label}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">Letters work when no text field has the focus; press Esc to leave one.</p>
      </div>
    </div>
  );
}
