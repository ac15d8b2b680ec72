// The chat frame's own words (English and Spanish) and the choice of language: the embed's
// `data-lang` when the tenant offers it, else the browser's preferred languages, else the
// tenant's default. Tenant-written text (greeting) comes from the config in that language.

export type UiLanguage = "en" | "es";

const en = {
  title: "Chat",
  online: "Online",
  connecting: "Connecting…",
  reconnecting: "Reconnecting… Your messages will be sent when you're back online.",
  refused: "The chat is not available on this page.",
  close: "Close chat",
  talkToPerson: "Talk to a person",
  placeholder: "Write a message…",
  send: "Send",
  sending: "Sending…",
  notSent: "Not sent",
  retry: "Retry",
  dismiss: "Dismiss",
  tooLong: (n: number) => `Your message is ${n} characters too long.`,
  you: "You",
  bot: "Assistant",
  agent: "Agent",
  typing: "Typing…",
  agentTyping: (name: string | null) => (name ? `${name} is typing…` : "An agent is typing…"),
  didYouMean: "Did you mean:",
  source: "Source",
  helpful: "Helpful",
  notHelpful: "Not helpful",
  queued: (pos: number | undefined, etaSeconds: number | null | undefined) =>
    `Waiting for a person${pos ? ` — you are number ${pos} in line` : ""}${etaSeconds ? `, about ${Math.max(1, Math.round(etaSeconds / 60))} min` : ""}.`,
  assigned: (name: string | null | undefined) => (name ? `You're chatting with ${name}.` : "You're chatting with our team."),
  resolved: "The conversation with our team has ended.",
  offlineTitle: (reason: string | undefined): string =>
    reason === "closed" ? "We're closed right now. Leave us a message and we'll reply by e-mail." : "No one is available right now. Leave us a message and we'll reply by e-mail.",
  email: "Your e-mail",
  message: "Message",
  sendTicket: "Send message",
  ticketSent: "Thanks! We'll reply by e-mail.",
  invalidEmail: "Enter a valid e-mail address.",
  emptyMessage: "Write a message.",
  rateTitle: "How did we do?",
  rateStar: (n: number) => `${n} of 5`,
  rateComment: "Comment (optional)",
  rateSubmit: "Send rating",
  rateThanks: "Thanks for your feedback!",
  rateLimited: (s?: number) => `You're sending messages very quickly. We'll try again${s ? ` in ${s} s` : " in a moment"}.`,
  genericError: "Something went wrong. Please try again.",
  newMessage: (who: string, text: string) => `${who}: ${text}`,
};

export type UiStrings = typeof en;

const es: UiStrings = {
  title: "Chat",
  online: "En línea",
  connecting: "Conectando…",
  reconnecting: "Reconectando… Tus mensajes se enviarán cuando vuelvas a estar en línea.",
  refused: "El chat no está disponible en esta página.",
  close: "Cerrar chat",
  talkToPerson: "Hablar con una persona",
  placeholder: "Escribe un mensaje…",
  send: "Enviar",
  sending: "Enviando…",
  notSent: "No enviado",
  retry: "Reintentar",
  dismiss: "Descartar",
  tooLong: (n) => `Tu mensaje tiene ${n} caracteres de más.`,
  you: "Tú",
  bot: "Asistente",
  agent: "Agente",
  typing: "Escribiendo…",
  agentTyping: (name) => (name ? `${name} está escribiendo…` : "Un agente está escribiendo…"),
  didYouMean: "¿Quisiste decir:",
  source: "Fuente",
  helpful: "Útil",
  notHelpful: "No útil",
  queued: (pos, etaSeconds) =>
    `Esperando a una persona${pos ? `: eres el número ${pos} en la cola` : ""}${etaSeconds ? `, unos ${Math.max(1, Math.round(etaSeconds / 60))} min` : ""}.`,
  assigned: (name) => (name ? `Estás hablando con ${name}.` : "Estás hablando con nuestro equipo."),
  resolved: "La conversación con nuestro equipo ha terminado.",
  offlineTitle: (reason) =>
    reason === "closed" ? "Ahora estamos cerrados. Déjanos un mensaje y te responderemos por correo." : "Ahora no hay nadie disponible. Déjanos un mensaje y te responderemos por correo.",
  email: "Tu correo electrónico",
  message: "Mensaje",
  sendTicket: "Enviar mensaje",
  ticketSent: "¡Gracias! Te responderemos por correo.",
  invalidEmail: "Escribe un correo electrónico válido.",
  emptyMessage: "Escribe un mensaje.",
  rateTitle: "¿Qué tal te hemos atendido?",
  rateStar: (n) => `${n} de 5`,
  rateComment: "Comentario (opcional)",
  rateSubmit: "Enviar valoración",
  rateThanks: "¡Gracias por tu opinión!",
  rateLimited: (s) => `Estás enviando mensajes muy rápido. Lo intentaremos de nuevo${s ? ` en ${s} s` : " en un momento"}.`,
  genericError: "Algo ha fallado. Inténtalo de nuevo.",
  newMessage: (who, text) => `${who}: ${text}`,
};

export const UI_STRINGS: Record<UiLanguage, UiStrings> = { en, es };

export function uiStrings(language: string): UiStrings {
  return language.toLowerCase().startsWith("es") ? es : en;
}

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

/**
 * The conversation language: `requested` (the embed's data-lang) if the tenant offers it, else the
 * first browser language the tenant offers, else the tenant's default.
 */
export function chooseLanguage(opts: { requested?: string | null; browser: readonly string[]; supported: readonly string[]; fallback: string }): string {
  const supported = opts.supported.map(primary).filter(Boolean);
  const offers = (tag: string | null | undefined) => !!tag && supported.includes(primary(tag));
  if (offers(opts.requested)) return primary(opts.requested!);
  const fromBrowser = opts.browser.find(offers);
  if (fromBrowser) return primary(fromBrowser);
  return primary(opts.fallback) || supported[0] || "en";
}
