// Shapes the FAQ manager's components exchange with the API (see app/api/admin/faq/**), imported
// from the lib modules that produce them.
import type { LineError } from "../api";
import type { FaqEntryInput } from "@/lib/faq/import/types";
import type { FaqVersionView } from "@/lib/faq/history";

export type Entry = FaqEntryInput;
export type VersionView = FaqVersionView;

export interface FaqState {
  version: { id: string; number: number } | null;
  entries: Entry[];
  versions: VersionView[];
}

export interface Preview {
  ok: boolean;
  format: string | null;
  entries: Entry[];
  errors: LineError[];
  warnings: LineError[];
}
