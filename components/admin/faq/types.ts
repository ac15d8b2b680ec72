// Shapes the FAQ manager's components exchange with the API (see app/api/admin/faq/**), imported
// from the lib modules that produce them.
import type { FaqEntryInput } from "@/lib/faq/import/types";
import type { FaqVersionView, readFaqVersion } from "@/lib/faq/history";
import type { FaqPreview } from "@/lib/faq/versions";
import type { FaqUploadChange } from "@/lib/admin/faq-upload-change";

export type Entry = FaqEntryInput;
export type VersionView = FaqVersionView;
/** An upload checked without saving (POST /api/admin/faq/preview). */
export type Preview = FaqPreview;
/** What saving a valid upload would change against the latest version (same response, `change`). */
export type UploadChange = FaqUploadChange;

/** GET /api/admin/faq: the latest version, its entries and the history. */
export type FaqState = Awaited<ReturnType<typeof readFaqVersion>> & { versions: VersionView[] };
