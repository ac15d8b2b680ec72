// The agent's own console settings, remembered in this browser: presence (also sent to the
// server), whether new customers chime, and whether they raise a desktop notification (the browser
// asks for permission once, when the agent turns them on).
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { call, isOk, type AgentSocket } from "./agent-socket";
import { NOTIFY_KEY, PRESENCE_KEY, recall, remember, SOUND_KEY, storedPresence, type Presence } from "./hooks";

const notificationsAllowed = () => typeof Notification !== "undefined" && Notification.permission === "granted";

export function useConsoleSettings(socket: AgentSocket | null, onError: (message: string) => void) {
  const [presence, setPresence] = useState<Presence>("online");
  const [sound, setSoundState] = useState(false);
  const soundRef = useRef(false);
  const [notify, setNotifyState] = useState(false);
  const notifyRef = useRef(false);

  // Read after mount: the server render has no localStorage.
  useEffect(() => {
    setPresence(storedPresence());
    const on = recall(SOUND_KEY) === "on";
    setSoundState(on);
    soundRef.current = on;
    // Remembered as on only while the browser still allows it.
    const notifyOn = recall(NOTIFY_KEY) === "on" && notificationsAllowed();
    setNotifyState(notifyOn);
    notifyRef.current = notifyOn;
  }, []);

  const changePresence = useCallback(
    async (p: Presence) => {
      setPresence(p);
      remember(PRESENCE_KEY, p);
      if (!socket) return;
      const r = await call(socket, "presence:set", { presence: p });
      if (!isOk(r)) onError(r.error.message);
    },
    [socket, onError],
  );

  const setSound = useCallback((on: boolean) => {
    setSoundState(on);
    soundRef.current = on;
    remember(SOUND_KEY, on ? "on" : "off");
  }, []);

  /** The current choice, for socket handlers that must not re-subscribe when it changes. */
  const soundOn = useCallback(() => soundRef.current, []);

  /** Turns desktop notifications on (asking the browser's permission the first time) or off. */
  const setNotify = useCallback(
    async (on: boolean) => {
      let allowed = false;
      if (on) {
        if (typeof Notification === "undefined") return onError("This browser cannot show desktop notifications.");
        allowed = Notification.permission === "granted" || (Notification.permission === "default" && (await Notification.requestPermission()) === "granted");
        if (!allowed) onError("The browser blocks notifications for this site: allow them in the address bar's site settings, then try again.");
      }
      setNotifyState(allowed);
      notifyRef.current = allowed;
      remember(NOTIFY_KEY, allowed ? "on" : "off");
    },
    [onError],
  );
  const notifyOn = useCallback(() => notifyRef.current && notificationsAllowed(), []);

  return { presence, changePresence, sound, setSound, soundOn, notify, setNotify, notifyOn };
}
