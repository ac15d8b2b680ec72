// What the admin confirms before publishing a model version or rolling back to an earlier one:
// which model customers get answers from, from when, which one stops answering, and the way back.
import type { ConfirmRequest } from "../confirm-dialog";

export function publishConfirmation(v: { number: number; faqVersionNumber: number | null }, live: { number: number } | null): ConfirmRequest {
  const rollback = !!live && live.number > v.number;
  const title = rollback ? `Roll back to model v${v.number}?` : `Publish model v${v.number}?`;
  const confirmLabel = rollback ? `Roll back to model v${v.number}` : `Publish model v${v.number}`;
  const faq = v.faqVersionNumber === null ? "" : ` (from FAQ v${v.faqVersionNumber})`;
  if (!live) return { title, confirmLabel, body: `Customers get its answers${faq} from their next message on. No model answers them yet: this is the first one live.` };
  const body = rollback
    ? `Customers get model v${v.number}'s answers${faq} again from their next message on; model v${live.number}, live now, stops answering. You can publish v${live.number} again from this table.`
    : `Customers get its answers${faq} from their next message on; model v${live.number}, live now, stops answering. You can roll back to v${live.number} from this table.`;
  return { title, confirmLabel, body };
}
