// The agent's own console settings, remembered in this browser: presence (also sent to the
// server) and whether new customers chime.
"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { call, isOk, type AgentSocket } from "./agent-socket";
import { PRESENCE_KEY, recall, remember, SOUND_KEY, storedPresence, type Presence } from "./hooks";

export function useConsoleSettings(socket: AgentSocket | null, onError: (message: string) => void) {
  const [presence, setPresence] = useState<Presence>("online");
  const [sound, setSoundState] = useState(false);
  const soundRef = useRef(false);

  // Read after mount: the server render has no localStorage.
  useEffect(() => {
    setPresence(storedPresence());
    const on = recall(SOUND_KEY) === "on";
    setSoundState(on);
    soundRef.current = on;
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

  return { presence, changePresence, sound, setSound, soundOn };
}
