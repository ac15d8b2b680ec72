"use client";
// The frame's side of the postMessage bridge with the loader on the customer's page. Messages go
// only to the `parent` origin the frame was given (never "*"), and only messages from that origin
// and from the parent window are accepted; the CSP frame-ancestors header guarantees the parent
// is a site the tenant allowed.
import { useCallback, useEffect, useRef } from "react";
import { BRIDGE_TAG, isBridgeMessage, type FrameToHost, type HostToFrame, type Untagged } from "@/widget/bridge";

type Outgoing = Untagged<FrameToHost>;

export function useParentBridge(parentOrigin: string | null, onMessage: (m: HostToFrame) => void): { embedded: boolean; post: (m: Outgoing) => void } {
  const embedded = parentOrigin !== null && typeof window !== "undefined" && window.parent !== window;
  const handler = useRef(onMessage);
  handler.current = onMessage;

  const post = useCallback(
    (m: Outgoing) => {
      if (embedded) window.parent.postMessage({ tag: BRIDGE_TAG, ...m }, parentOrigin!);
    },
    [embedded, parentOrigin],
  );

  useEffect(() => {
    if (!embedded) return;
    const listener = (e: MessageEvent) => {
      if (e.origin !== parentOrigin || e.source !== window.parent || !isBridgeMessage<HostToFrame>(e.data)) return;
      handler.current(e.data);
    };
    window.addEventListener("message", listener);
    post({ type: "ready" });
    return () => window.removeEventListener("message", listener);
  }, [embedded, parentOrigin, post]);

  return { embedded, post };
}
