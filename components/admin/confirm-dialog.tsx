"use client";
// The console's confirmation before an action with consequences (publish, roll back, delete,
// rotate…), in the page instead of the browser's window.confirm: a modal <dialog> labelled by its
// question and described by what will happen. The focus moves to "Cancel" (the safe choice), Tab
// stays inside, Escape or a click outside cancels, and the focus returns to the control that asked.
//
//   const { confirm, dialog } = useConfirm();
//   if (!(await confirm({ title: "Delete /hello?", body: "…", confirmLabel: "Delete", tone: "danger" }, e.currentTarget))) return;
//   … render {dialog} once in the component.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./ui";

export interface ConfirmRequest {
  /** The question, e.g. "Publish model v3?" (the dialog's accessible name). */
  title: string;
  /** What will happen if the admin confirms (the dialog's description). */
  body: ReactNode;
  /** The confirming button, naming the action: "Publish model v3", "Delete". */
  confirmLabel: string;
  cancelLabel?: string;
  /** "danger" for destructive actions (red button). */
  tone?: "primary" | "danger";
}

type Pending = ConfirmRequest & { returnTo: HTMLElement | null; resolve: (ok: boolean) => void };

/**
 * `confirm(request, trigger)` opens the dialog and resolves true when the admin confirms, false
 * when they cancel; `trigger` is where the focus returns (the focused element when omitted).
 */
export function useConfirm(): { confirm: (request: ConfirmRequest, trigger?: HTMLElement | null) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const current = useRef<Pending | null>(null);

  const confirm = useCallback((request: ConfirmRequest, trigger?: HTMLElement | null) => {
    current.current?.resolve(false);
    return new Promise<boolean>((resolve) => {
      const returnTo = trigger ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
      const p: Pending = { ...request, returnTo, resolve };
      current.current = p;
      setPending(p);
    });
  }, []);

  const close = useCallback((p: Pending, ok: boolean) => {
    if (current.current !== p) return;
    current.current = null;
    setPending(null);
    if (p.returnTo?.isConnected) p.returnTo.focus();
    p.resolve(ok);
  }, []);

  // A page left with the dialog open answers "no".
  useEffect(() => () => current.current?.resolve(false), []);

  return { confirm, dialog: pending ? <ConfirmDialog key={pending.title} request={pending} onClose={(ok) => close(pending, ok)} /> : null };
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (confirmed: boolean) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmed = useRef(false);
  const id = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    d.querySelector<HTMLButtonElement>("[data-confirm-cancel]")?.focus();
  }, []);

  const finish = (ok: boolean) => {
    confirmed.current = ok;
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      data-testid="confirm-dialog"
      className="m-auto w-full max-w-md rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      // Escape closes the dialog natively (with or without a cancel event): "close" is the one
      // place that reports the answer.
      onClose={() => onClose(confirmed.current)}
      onClick={(e) => e.target === e.currentTarget && finish(false)}
    >
      <div className="p-5">
        <h2 id={`${id}-title`} className="text-base font-semibold" data-testid="confirm-dialog-title">
          {request.title}
        </h2>
        <div id={`${id}-body`} className="mt-2 text-sm text-slate-700" data-testid="confirm-dialog-body">
          {request.body}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button onClick={() => finish(false)} data-confirm-cancel="" data-testid="confirm-dialog-cancel">
            {request.cancelLabel ?? "Cancel"}
          </Button>
          <Button variant={request.tone ?? "primary"} onClick={() => finish(true)} data-testid="confirm-dialog-confirm">
            {request.confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
