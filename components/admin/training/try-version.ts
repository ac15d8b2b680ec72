// Which model version the test console tries first, and how its choices are labelled. An admin
// who has just trained a model wants to try it before publishing it, so the newest version comes
// first when it is newer than the live one; the live one stays a choice, and each label says
// which is which.
import type { ModelVersionView } from "./types";

type Version = Pick<ModelVersionView, "id" | "number" | "live" | "faqVersionNumber">;

export function newestVersion<T extends Version>(versions: T[]): T | null {
  return versions.reduce<T | null>((best, v) => (!best || v.number > best.number ? v : best), null);
}

/** The newest version when it is newer than the live one (or nothing is live), else the live one. */
export function defaultTryVersion<T extends Version>(versions: T[]): T | null {
  const newest = newestVersion(versions);
  const live = versions.find((v) => v.live);
  return live && newest && newest.number <= live.number ? live : newest;
}

export function tryVersionLabel(v: Version, versions: Version[]): string {
  const faq = v.faqVersionNumber !== null ? `, FAQ v${v.faqVersionNumber}` : "";
  const role = v.live ? "live" : newestVersion(versions)?.id === v.id ? "newest, not live" : "not live";
  return `v${v.number} — ${role}${faq}`;
}
