// The one-line embed (`<script src=".../widget.js" data-tenant="pk_…" async>`), bundled into
// public/widget.js by scripts/build-widget.mjs. It reads its tenant key from its own script tag,
// asks the app whether this page's origin may use that key, and only then mounts a launcher
// bubble (inside a shadow root, so the host page's CSS cannot restyle it) and the chat panel (an
// iframe on the app's origin, so the chat's code and storage stay out of the host page).
// Everything runs inside try/catch: a broken widget must never break the customer's website.
import { BRIDGE_TAG, isBridgeMessage, storagePrefix, type FrameToHost, type HostToFrame, type Untagged } from "./bridge";
import { readableBrandColor } from "../lib/widget/contrast";

interface CheckOk {
  ok: true;
  color?: string;
  name?: string;
  defaultLanguage?: string;
  position?: "right" | "left";
  launcherLabel?: Record<string, string>;
  proactive?: { delaySeconds: number; pages: string[]; message: Record<string, string> } | null;
}

const PREFIX = "[chat widget]";
const OPEN_KEY = "faqbot:open";
const ICON_CHAT =
  '<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
const ICON_CLOSE =
  '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" aria-hidden="true"><path d="M18 6 6 18M6 6l12 12"/></svg>';

const CSS = `
:host{all:initial}
.btn{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;padding:0;margin:0;background:var(--c,#2563eb);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);z-index:2147483000;display:flex;align-items:center;justify-content:center;transition:transform .15s}
.btn:hover{transform:scale(1.05)}
.btn:focus-visible{outline:3px solid #111;outline-offset:3px}
.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center;padding:0 5px;box-sizing:border-box}
.badge[hidden]{display:none}
.panel{position:fixed;right:20px;bottom:92px;width:380px;height:min(640px,calc(100vh - 112px));border:0;border-radius:16px;box-shadow:0 8px 40px rgba(0,0,0,.25);z-index:2147483001;background:#fff;display:none}
.panel.open{display:block}
.left .btn,.left .panel,.left .greet,.left .tag{right:auto;left:20px}
.tag{position:fixed;right:90px;bottom:34px;max-width:220px;padding:6px 12px;border-radius:16px;background:#fff;color:#111;font:500 14px/1.3 system-ui,sans-serif;box-shadow:0 2px 10px rgba(0,0,0,.2);z-index:2147483000;border:0;cursor:pointer}
.left .tag{left:90px}
.greet{position:fixed;right:20px;bottom:92px;max-width:280px;padding:12px 36px 12px 14px;border-radius:14px;background:#fff;color:#111;font:15px/1.4 system-ui,sans-serif;box-shadow:0 6px 24px rgba(0,0,0,.22);z-index:2147483000;cursor:pointer;text-align:left;border:0}
.x{position:absolute;top:4px;right:4px;width:28px;height:28px;border:0;border-radius:50%;background:transparent;color:#333;font:20px/28px system-ui,sans-serif;cursor:pointer}
.tag:focus-visible,.greet:focus-visible,.x:focus-visible{outline:3px solid #111;outline-offset:2px}
.open~.tag,.open~.greet{display:none}
@media (max-width:639px){.panel{inset:0;width:100%;height:100%;border-radius:0}.open~.btn{display:none}.greet{max-width:calc(100vw - 40px)}}
`;

// document.currentScript is only set while the script first runs, so read it before anything async.
const currentScript = document.currentScript as HTMLScriptElement | null;

// `window.FaqBot.identify({ id, email, name }, signature)`: the host site names its signed-in
// customer; `signature` is the hex HMAC-SHA256 of the id with the workspace's identity secret,
// computed by the site's backend. The promise resolves once the chat server verified it and
// rejects with the reason otherwise. Calls made before this script loaded can wait in
// `window.FaqBot = { q: [["identify", user, signature]] }`.
interface Identity {
  id: string;
  email?: string;
  name?: string;
}
interface PendingIdentity {
  seq: number;
  user: Identity;
  signature: string;
  resolve: (v: { id: string; verified: true }) => void;
  reject: (e: Error) => void;
}
const identities: PendingIdentity[] = [];
let identitySeq = 0;
let sendIdentity: ((p: PendingIdentity) => void) | null = null;
let identityRefused: string | null = null;

function identify(user: Identity, signature: string): Promise<{ id: string; verified: true }> {
  return new Promise((resolve, reject) => {
    if (identityRefused) return reject(new Error(identityRefused));
    const u = (user ?? {}) as Partial<Identity>;
    const clean: Identity = { id: String(u.id ?? "") };
    if (u.email) clean.email = String(u.email);
    if (u.name) clean.name = String(u.name);
    const p: PendingIdentity = { seq: ++identitySeq, user: clean, signature: String(signature ?? ""), resolve, reject };
    if (sendIdentity) sendIdentity(p);
    else identities.push(p);
  });
}

function exposeApi(): void {
  const w = window as Window & { FaqBot?: { q?: unknown[][]; identify?: typeof identify } };
  const queued = Array.isArray(w.FaqBot?.q) ? w.FaqBot!.q! : [];
  w.FaqBot = { identify };
  for (const call of queued) {
    if (Array.isArray(call) && call[0] === "identify") identify(call[1] as Identity, call[2] as string).catch((e: Error) => console.warn(PREFIX, e.message));
  }
}

function refuseIdentities(reason: string): void {
  identityRefused = `The chat is not available on this page: ${reason}`;
  for (const p of identities.splice(0)) p.reject(new Error(identityRefused));
}

function start(): void {
  const w = window as Window & { __faqbotWidget?: true };
  if (w.__faqbotWidget) return; // pasted twice: one chat is enough
  const script = currentScript?.dataset.tenant ? currentScript : document.querySelector<HTMLScriptElement>("script[data-tenant]");
  const key = script?.dataset.tenant;
  if (!script || !key) return console.warn(PREFIX, "missing data-tenant on the widget <script> tag.");
  w.__faqbotWidget = true;
  exposeApi();
  const appOrigin = new URL(script.src, location.href).origin;
  // The embed's data-lang, else the host page's own language, else the browser's.
  const lang = (script.dataset.lang || document.documentElement.lang || navigator.language || "en").slice(0, 10);

  fetch(`${appOrigin}/api/widget/check?key=${encodeURIComponent(key)}`, { mode: "cors", credentials: "omit" })
    .then(async (res) => {
      const body = (await res.json().catch(() => null)) as CheckOk | { error?: { message?: string } } | null;
      if (!res.ok || !body || !("ok" in body)) {
        const reason = body && "error" in body ? body.error?.message : `HTTP ${res.status}`;
        console.warn(PREFIX, `not shown on ${location.origin}: ${reason ?? "refused"}`);
        refuseIdentities(reason ?? "refused");
        return;
      }
      whenBody(() => mount(appOrigin, key, lang, body));
    })
    .catch(() => {
      console.warn(PREFIX, "could not reach the chat server.");
      refuseIdentities("could not reach the chat server.");
    });
}

function whenBody(fn: () => void): void {
  if (document.body) return fn();
  document.addEventListener("DOMContentLoaded", fn, { once: true });
}

// The launcher's own words, in the languages the chat frame speaks.
const LABELS: Record<string, { open: string; close: string; unread: string; title: string; dismiss: string }> = {
  en: { open: "Open chat", close: "Close chat", unread: "unread", title: "Chat", dismiss: "Dismiss" },
  es: { open: "Abrir chat", close: "Cerrar chat", unread: "sin leer", title: "Chat", dismiss: "Descartar" },
  fr: { open: "Ouvrir le chat", close: "Fermer le chat", unread: "non lus", title: "Chat", dismiss: "Ignorer" },
  de: { open: "Chat öffnen", close: "Chat schließen", unread: "ungelesen", title: "Chat", dismiss: "Schließen" },
  pt: { open: "Abrir chat", close: "Fechar chat", unread: "não lidas", title: "Chat", dismiss: "Ignorar" },
  it: { open: "Apri la chat", close: "Chiudi la chat", unread: "non letti", title: "Chat", dismiss: "Chiudi" },
};
// The proactive greeting's built-in text, when the tenant wrote none in the visitor's language.
const GREET: Record<string, string> = {
  en: "Hi! Any questions? We're here to help.",
  es: "¡Hola! ¿Tienes alguna pregunta? Estamos aquí para ayudarte.",
  fr: "Bonjour ! Une question ? Nous sommes là pour vous aider.",
  de: "Hallo! Haben Sie Fragen? Wir helfen gern.",
  pt: "Olá! Tem alguma pergunta? Estamos aqui para ajudar.",
  it: "Ciao! Hai domande? Siamo qui per aiutarti.",
};

function mount(appOrigin: string, key: string, lang: string, cfg: CheckOk): void {
  const l2 = lang.toLowerCase().slice(0, 2);
  // The page's language first; then the conversation's, as the chat frame reports it (a customer
  // who chats in Spanish on an English page gets a Spanish launcher, as the chat itself is).
  let label = LABELS[l2] ?? LABELS.en;
  const inLang = (m: Record<string, string> | undefined) => (m ? (m[l2] ?? m[cfg.defaultLanguage ?? ""] ?? m.en ?? Object.values(m)[0]) : undefined);

  const host = document.createElement("div");
  host.id = "faqbot-widget";
  host.style.cssText = "all:initial;position:static";
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>${CSS}</style>`;
  const box = document.createElement("div");
  if (cfg.position === "left") box.className = "left";
  host.style.setProperty("--c", readableBrandColor(cfg.color ?? "", "#2563eb"));

  const frame = document.createElement("iframe");
  frame.className = "panel";
  frame.referrerPolicy = "origin";
  const src = `${appOrigin}/widget/frame?key=${encodeURIComponent(key)}&parent=${encodeURIComponent(location.origin)}&lang=${encodeURIComponent(lang)}`;
  // New visitors load the chat on first open (no socket, no server state for every page view);
  // returning ones load it at once so replies that came in meanwhile show as unread.
  const load = () => {
    if (!frame.src) frame.src = src;
  };

  const button = document.createElement("button");
  button.type = "button";
  button.className = "btn";
  button.setAttribute("aria-haspopup", "dialog");
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  badge.setAttribute("aria-hidden", "true");

  let open = false;
  let ready = false;
  let unread = 0;
  let dismissButton: HTMLButtonElement | null = null;

  const prefix = storagePrefix(key);
  const post = (m: Untagged<HostToFrame>) => {
    // Target origin named explicitly: the message reaches the frame only while it shows our app.
    if (ready) frame.contentWindow?.postMessage({ tag: BRIDGE_TAG, ...m }, appOrigin);
  };
  const saved = () => {
    const out: Record<string, string> = {};
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k && k.startsWith(prefix)) out[k] = localStorage.getItem(k) ?? "";
      }
    } catch {
      /* storage blocked: the chat starts fresh */
    }
    return out;
  };
  const render = () => {
    button.innerHTML = open ? ICON_CLOSE : ICON_CHAT;
    button.appendChild(badge);
    badge.hidden = open || unread === 0;
    badge.textContent = unread > 9 ? "9+" : String(unread);
    button.setAttribute("aria-expanded", String(open));
    const name = open ? label.close : unread ? `${label.open} (${unread} ${label.unread})` : label.open;
    button.setAttribute("aria-label", name);
    button.title = name;
    frame.title = cfg.name ? `${label.title}: ${cfg.name}` : label.title;
    if (dismissButton) dismissButton.setAttribute("aria-label", label.dismiss);
    frame.classList.toggle("open", open);
  };
  const setOpen = (next: boolean, focusLauncher = false) => {
    if (open === next) return;
    open = next;
    try {
      sessionStorage.setItem(OPEN_KEY, open ? "1" : "0");
    } catch {
      /* storage blocked: the panel just starts closed after a reload */
    }
    if (open) {
      unread = 0;
      load();
    }
    render();
    post({ type: open ? "open" : "close" });
    if (!open && focusLauncher) button.focus();
  };

  button.addEventListener("click", () => setOpen(!open, true));
  button.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && open) setOpen(false, true);
  });
  window.addEventListener("message", (e: MessageEvent) => {
    // Only our frame, showing our app, may drive the launcher.
    if (e.origin !== appOrigin || e.source !== frame.contentWindow || !isBridgeMessage<FrameToHost>(e.data)) return;
    try {
      onFrameMessage(e.data);
    } catch (err) {
      console.warn(PREFIX, err); // never into the host page's error tracking
    }
  });
  // Identities go to the frame once it is ready (loading it if needed); its answer settles the promise.
  const asked = new Map<number, PendingIdentity>();
  const postIdentity = (p: PendingIdentity) => post({ type: "identify", seq: p.seq, user: p.user, signature: p.signature });
  sendIdentity = (p) => {
    asked.set(p.seq, p);
    load();
    postIdentity(p);
  };
  const onFrameMessage = (m: FrameToHost) => {
    if (m.type === "ready") {
      ready = true;
      post({ type: "init", storage: saved() });
      if (open) post({ type: "open" });
      for (const p of asked.values()) postIdentity(p);
    } else if (m.type === "identified") {
      const p = asked.get(m.seq);
      if (!p) return;
      asked.delete(m.seq);
      if (m.ok) p.resolve({ id: p.user.id, verified: true });
      else {
        console.warn(PREFIX, `identify refused: ${m.error ?? "not verified"}`);
        p.reject(new Error(String(m.error ?? "The identity could not be verified.")));
      }
    } else if (m.type === "store") {
      if (typeof m.key !== "string" || !m.key.startsWith(prefix)) return;
      try {
        if (m.value === null) localStorage.removeItem(m.key);
        else if (typeof m.value === "string" && m.value.length < 200_000) localStorage.setItem(m.key, m.value);
      } catch {
        /* full or blocked: the frame still has it in memory */
      }
    } else if (m.type === "close") setOpen(false, true);
    else if (m.type === "open") setOpen(true);
    else if (m.type === "language") {
      const next = typeof m.language === "string" ? LABELS[m.language.toLowerCase().slice(0, 2)] : undefined;
      if (next && next !== label) {
        label = next;
        render();
      }
    }
    else if (m.type === "unread" && !open) {
      unread = Math.max(0, Math.min(99, Number(m.count) || 0));
      render();
    }
  };

  try {
    open = sessionStorage.getItem(OPEN_KEY) === "1";
  } catch {
    open = false;
  }
  render();
  if (open || Object.keys(saved()).length > 0) load();
  for (const p of identities.splice(0)) sendIdentity!(p);
  box.append(frame, button);
  // A short label beside the bubble ("Questions? Chat with us").
  const tagText = inLang(cfg.launcherLabel);
  if (tagText) {
    const tag = document.createElement("button");
    tag.type = "button";
    tag.className = "tag";
    tag.textContent = tagText;
    tag.addEventListener("click", () => setOpen(true));
    box.append(tag);
  }
  // The proactive greeting: after some seconds on a matching page, until the visitor dismisses it
  // (remembered for this visitor) or opens the chat.
  const p = cfg.proactive;
  const dismissedKey = `${prefix}greeting-dismissed`;
  let dismissed = false;
  try {
    dismissed = localStorage.getItem(dismissedKey) === "1";
  } catch {
    /* storage blocked: shown once per page view */
  }
  const text = p ? (inLang(p.message) ?? GREET[l2] ?? GREET.en) : "";
  if (p && !dismissed && !open && pageMatches(p.pages, location.pathname)) {
    setTimeout(() => {
      if (open) return;
      const bubble = document.createElement("div");
      bubble.className = "greet";
      bubble.setAttribute("role", "status");
      const body = document.createElement("button");
      body.type = "button";
      body.textContent = text;
      body.style.cssText = "all:unset;cursor:pointer";
      const forget = () => {
        bubble.remove();
        try {
          localStorage.setItem(dismissedKey, "1");
        } catch {
          /* storage blocked */
        }
      };
      body.addEventListener("click", () => {
        forget();
        setOpen(true);
      });
      const x = document.createElement("button");
      x.type = "button";
      x.className = "x";
      x.textContent = "×";
      x.setAttribute("aria-label", label.dismiss);
      dismissButton = x;
      x.addEventListener("click", forget);
      bubble.append(body, x);
      box.append(bubble);
    }, Math.max(1, p.delaySeconds) * 1000);
  }
  root.append(box);
  document.body.appendChild(host);
}

/** Whether a page path matches one of the patterns (`*` = any characters); no patterns = every page. */
function pageMatches(patterns: string[], path: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(path));
}

try {
  start();
} catch (err) {
  console.warn(PREFIX, "failed to start", err);
}
