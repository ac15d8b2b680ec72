// Admin-only presentational pieces (the FAQ importer's error list); the generic kit is
// components/ui/kit.tsx, re-exported here for the admin pages.
import type { LineError } from "./api";
import { lineErrorParts } from "@/lib/admin/line-error";

export { Button, Card, Field, Notice, Options, Table, fieldClass, inputClass } from "@/components/ui/kit";

export function LineErrorList({ errors, testId = "line-errors", unit = "line" }: { errors: LineError[]; testId?: string; unit?: "line" | "entry" }) {
  return (
    <ul className="max-h-80 divide-y divide-red-100 overflow-auto rounded-md border border-red-200 bg-white text-sm" data-testid={testId}>
      {errors.map((e, i) => {
        const { where, what } = lineErrorParts(e, unit);
        // "Line 6:" then the message, once: the text reads "Line 6: the question … has no answer".
        return (
          <li key={i} className="flex gap-3 p-2" data-testid="line-error" data-line={e.line ?? ""}>
            <span className="min-w-[5.5rem] max-w-[14rem] shrink-0 break-words font-mono text-xs leading-5 text-red-700">{where}:</span>{" "}
            <span>{what}</span>
          </li>
        );
      })}
    </ul>
  );
}
