// Whether the page has hydrated (its handlers are attached). Console pages expose it as
// data-ready="true", so browser tests and the first click wait for a page that works.
"use client";

import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
