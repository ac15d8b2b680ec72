// Shapes the FAQ manager's components exchange with the API (see app/api/admin/faq/**).
import type { LineError } from "../api";

export interface Entry {
  key: string;
  question: string;
  alternatives: string[];
  answer: string;
  category: string | null;
  language: string;
}

export interface VersionView {
  id: string;
  number: number;
  source: string;
  fileName: string | null;
  entryCount: number;
  createdAt: string;
  createdBy: string | null;
}

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
