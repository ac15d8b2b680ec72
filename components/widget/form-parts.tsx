// The pieces of the widget's two small forms (the offline message and the rating): a labelled
// field, the error line, the submit button in the tenant's colour and the confirmation line.
// Styled for the chat frame; the consoles use components/ui instead.
import type { ReactNode } from "react";

export const widgetFormClass = "space-y-2 border-t border-slate-200 bg-slate-50 p-3 text-sm";
export const widgetInputClass = "w-full rounded-md border border-slate-300 px-2 py-1 focus-visible:ring-2 focus-visible:ring-slate-400 focus:outline-none";

export function WidgetField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium">{label}</span>
      {children}
    </label>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-xs text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({ color, disabled, children }: { color: string; disabled: boolean; children: ReactNode }) {
  return (
    <button type="submit" disabled={disabled} className="rounded-md px-3 py-1.5 font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:opacity-50" style={{ background: color }}>
      {children}
    </button>
  );
}

/** Shown in place of a form once it was sent. */
export function SentNote({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p className="border-t border-slate-200 bg-green-50 px-3 py-2 text-sm text-green-800" role="status" data-testid={testId}>
      {children}
    </p>
  );
}
