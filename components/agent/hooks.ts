// Small browser hooks of the console: a ticking clock, remembered preferences, the tab title
// counter, the screen-reader announcer and a short notification sound.
"use client";

import { useCallback, useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs` (for waiting-time counters). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export const PRESENCE_KEY = "faqbot:agent:presence";
export const SOUND_KEY = "faqbot:agent:sound";
export const NOTIFY_KEY = "faqbot:agent:notify";

export type Presence = "online" | "away" | "offline";

export function storedPresence(): Presence {
  try {
    const v = window.localStorage.getItem(PRESENCE_KEY);
    return v === "away" || v === "offline" ? v : "online";
  } catch {
    return "online";
  }
}

export function remember(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function recall(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** "(3) Agent console · FAQ Bot" while customers wait, so a background tab shows it. */
export function useTitleCount(count: number, base: string): void {
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${base}` : base;
  }, [count, base]);
  useEffect(() => () => void (document.title = base), [base]);
}

/**
 * Text for the page's polite live region. Announcing the same text twice still reads it out
 * (a zero-width space makes it new).
 */
export function useAnnouncer(): { announcement: string; announce: (text: string) => void } {
  const [announcement, setAnnouncement] = useState("");
  const announce = useCallback((text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u200b` : text)), []);
  return { announcement, announce };
}

/** A short two-tone chime (Web Audio); silently nothing when audio is not allowed yet. */
export function chime(): void {
  try {
    const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.gain.value = 0.08;
    gain.connect(ctx.destination);
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + i * 0.12 + 0.1);
    });
    setTimeout(() => void ctx.close(), 500);
  } catch {
    /* no audio */
  }
}
