// Admin-only presentational pieces (the FAQ importer's error list); the generic kit is
// components/ui/kit.tsx, re-exported here for the admin pages.
import type { LineError } from "./api";

export { Button, Card, Field, Notice, Options, Table, fieldClass, inputClass } from "@/components/ui/kit";

export function LineErrorList({ errors, testId = "line-errors", unit = "line" }: { errors: LineError[]; testId?: string; unit?: "line" | "entry" }) {
  return (
    <ul className="max-h-80 divide-y divide-red-100 overflow-auto rounded-md border border-red-200 bg-white text-sm" data-testid={testId}>
      {errors.map((e, i) => (
        <li key={i} className="flex gap-3 p-2" data-testid="line-error" data-line={e.line ?? ""}>
          <span className="w-20 shrink-0 font-mono text-xs text-red-700">{e.line === null ? (unit === "line" ? "file" : "all") : `${unit} ${e.line}`}</span>
          <span>{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
