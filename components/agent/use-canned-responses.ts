// The tenant's canned responses for the composer, fetched once per page (none when the fetch fails).
"use client";

import { useEffect, useState } from "react";
import type { CannedResponse } from "./composer";

export function useCannedResponses(): CannedResponse[] {
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  useEffect(() => {
    void fetch("/api/canned-responses")
      .then((r) => (r.ok ? r.json() : { cannedResponses: [] }))
      .then((b: { cannedResponses?: CannedResponse[] }) => setCanned(b.cannedResponses ?? []))
      .catch(() => setCanned([]));
  }, []);
  return canned;
}
