// The UI kit: the generic pieces every console page is built from (Card, Button, Notice, Table,
// Field, Options and the form control classes). Domain-specific pieces live beside their pages.
import type { ReactNode } from "react";

export function Card({ title, children, actions, testId }: { title?: ReactNode; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={testId}>
      {(title || actions) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="font-semibold">{title}</h2>}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

const BUTTON = {
  primary: "bg-blue-600 text-white hover:bg-blue-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

export function Button({ variant = "secondary", className = "", ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof BUTTON }) {
  return <button type="button" {...props} className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 ${BUTTON[variant]} ${className}`} />;
}

export function Notice({ kind = "info", children, testId }: { kind?: "info" | "error" | "success" | "warning"; children: ReactNode; testId?: string }) {
  const style = { info: "bg-blue-50 text-blue-900", error: "bg-red-50 text-red-800", success: "bg-green-50 text-green-800", warning: "bg-amber-50 text-amber-900" }[kind];
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded-md p-3 text-sm ${style}`} data-testid={testId}>
      {children}
    </div>
  );
}

export const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-200";
export const fieldClass = `${inputClass} w-full`;

/**
 * A labelled form control: the label above it, an optional hint and error messages below it.
 * `compact` is the small grey label of one-line forms (filters, "add" rows).
 */
export function Field({ label, hint, error, compact = false, className = "", children }: { label: ReactNode; hint?: ReactNode; error?: ReactNode; compact?: boolean; className?: string; children: ReactNode }) {
  return (
    <label className={`${compact ? "" : "block "}text-sm ${className}`.trim()}>
      <span className={compact ? "block text-xs text-slate-500" : "mb-1 block font-medium"}>{label}</span>
      {children}
      {hint && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
      {error}
    </label>
  );
}

/**
 * The `<option>`s of a select, one per item. Items are their own value and label unless `value` /
 * `label` say otherwise (objects, translated names); `disabled` greys out the ones not allowed.
 */
export function Options<T>({ items, value = String, label = value, disabled }: { items: readonly T[]; value?: (item: T) => string; label?: (item: T) => ReactNode; disabled?: (item: T) => boolean }) {
  return (
    <>
      {items.map((item) => (
        <option key={value(item)} value={value(item)} disabled={disabled?.(item)}>
          {label(item)}
        </option>
      ))}
    </>
  );
}

/** A data table: header cells from `columns` (empty string for an unlabelled one), rows as children. */
export function Table({ columns, children, testId, sticky = false, small = true }: { columns: ReactNode[]; children: ReactNode; testId?: string; sticky?: boolean; small?: boolean }) {
  return (
    <table className={`w-full text-left${small ? " text-sm" : ""}`} data-testid={testId}>
      <thead className={`${sticky ? "sticky top-0 bg-slate-50 " : ""}text-xs uppercase text-slate-500`}>
        <tr>
          {columns.map((c, i) => (
            <th key={i} className="p-1.5">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
}
