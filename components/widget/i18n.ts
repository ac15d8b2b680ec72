// The chat frame's own words (English, Spanish, French, German, Portuguese, Italian) and the choice
// of language: the embed's `data-lang` (or the host page's `<html lang>`, which the loader passes
// when there is no data-lang), else the browser's preferred languages, else the tenant's default.
// Tenant-written text (greeting) comes from the config in that language.

export const UI_LANGUAGES = ["en", "es", "fr", "de", "pt", "it"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const en = {
  greeting: "Hi! How can we help?",
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
  greeting: "¡Hola! ¿En qué podemos ayudarte?",
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


const fr: UiStrings = {
  greeting: "Bonjour ! Comment pouvons-nous vous aider ?",
  title: "Chat",
  online: "En ligne",
  connecting: "Connexion…",
  reconnecting: "Reconnexion… Vos messages seront envoyés dès que vous serez de nouveau en ligne.",
  refused: "Le chat n'est pas disponible sur cette page.",
  close: "Fermer le chat",
  talkToPerson: "Parler à une personne",
  placeholder: "Écrivez un message…",
  send: "Envoyer",
  sending: "Envoi…",
  notSent: "Non envoyé",
  retry: "Réessayer",
  dismiss: "Ignorer",
  tooLong: (n) => `Votre message dépasse de ${n} caractères.`,
  you: "Vous",
  bot: "Assistant",
  agent: "Conseiller",
  typing: "En train d'écrire…",
  agentTyping: (name) => (name ? `${name} est en train d'écrire…` : "Un conseiller est en train d'écrire…"),
  didYouMean: "Vouliez-vous dire :",
  source: "Source",
  helpful: "Utile",
  notHelpful: "Pas utile",
  queued: (pos, etaSeconds) =>
    `En attente d'une personne${pos ? ` — vous êtes numéro ${pos} dans la file` : ""}${etaSeconds ? `, environ ${Math.max(1, Math.round(etaSeconds / 60))} min` : ""}.`,
  assigned: (name) => (name ? `Vous discutez avec ${name}.` : "Vous discutez avec notre équipe."),
  resolved: "La conversation avec notre équipe est terminée.",
  offlineTitle: (reason) =>
    reason === "closed" ? "Nous sommes fermés pour le moment. Laissez-nous un message et nous vous répondrons par e-mail." : "Personne n'est disponible pour le moment. Laissez-nous un message et nous vous répondrons par e-mail.",
  email: "Votre e-mail",
  message: "Message",
  sendTicket: "Envoyer le message",
  ticketSent: "Merci ! Nous vous répondrons par e-mail.",
  invalidEmail: "Saisissez une adresse e-mail valide.",
  emptyMessage: "Écrivez un message.",
  rateTitle: "Comment s'est passé l'échange ?",
  rateStar: (n) => `${n} sur 5`,
  rateComment: "Commentaire (facultatif)",
  rateSubmit: "Envoyer la note",
  rateThanks: "Merci pour votre avis !",
  rateLimited: (s) => `Vous envoyez des messages très rapidement. Nous réessaierons${s ? ` dans ${s} s` : " dans un instant"}.`,
  genericError: "Une erreur s'est produite. Veuillez réessayer.",
  newMessage: (who, text) => `${who} : ${text}`,
};

const de: UiStrings = {
  greeting: "Hallo! Wie können wir Ihnen helfen?",
  title: "Chat",
  online: "Online",
  connecting: "Verbindung wird hergestellt…",
  reconnecting: "Verbindung wird wiederhergestellt… Ihre Nachrichten werden gesendet, sobald Sie wieder online sind.",
  refused: "Der Chat ist auf dieser Seite nicht verfügbar.",
  close: "Chat schließen",
  talkToPerson: "Mit einer Person sprechen",
  placeholder: "Nachricht schreiben…",
  send: "Senden",
  sending: "Wird gesendet…",
  notSent: "Nicht gesendet",
  retry: "Erneut versuchen",
  dismiss: "Schließen",
  tooLong: (n) => `Ihre Nachricht ist ${n} Zeichen zu lang.`,
  you: "Sie",
  bot: "Assistent",
  agent: "Mitarbeiter",
  typing: "Schreibt…",
  agentTyping: (name) => (name ? `${name} schreibt…` : "Ein Mitarbeiter schreibt…"),
  didYouMean: "Meinten Sie:",
  source: "Quelle",
  helpful: "Hilfreich",
  notHelpful: "Nicht hilfreich",
  queued: (pos, etaSeconds) =>
    `Sie warten auf eine Person${pos ? ` — Sie sind Nummer ${pos} in der Warteschlange` : ""}${etaSeconds ? `, etwa ${Math.max(1, Math.round(etaSeconds / 60))} Min.` : ""}.`,
  assigned: (name) => (name ? `Sie chatten mit ${name}.` : "Sie chatten mit unserem Team."),
  resolved: "Das Gespräch mit unserem Team ist beendet.",
  offlineTitle: (reason) =>
    reason === "closed" ? "Wir haben gerade geschlossen. Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail." : "Gerade ist niemand erreichbar. Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail.",
  email: "Ihre E-Mail-Adresse",
  message: "Nachricht",
  sendTicket: "Nachricht senden",
  ticketSent: "Danke! Wir antworten Ihnen per E-Mail.",
  invalidEmail: "Geben Sie eine gültige E-Mail-Adresse ein.",
  emptyMessage: "Schreiben Sie eine Nachricht.",
  rateTitle: "Wie waren wir?",
  rateStar: (n) => `${n} von 5`,
  rateComment: "Kommentar (optional)",
  rateSubmit: "Bewertung senden",
  rateThanks: "Danke für Ihr Feedback!",
  rateLimited: (s) => `Sie senden sehr schnell Nachrichten. Wir versuchen es${s ? ` in ${s} s` : " gleich"} erneut.`,
  genericError: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
  newMessage: (who, text) => `${who}: ${text}`,
};

const pt: UiStrings = {
  greeting: "Olá! Como podemos ajudar?",
  title: "Chat",
  online: "Online",
  connecting: "A ligar…",
  reconnecting: "A restabelecer a ligação… As suas mensagens serão enviadas quando voltar a estar online.",
  refused: "O chat não está disponível nesta página.",
  close: "Fechar chat",
  talkToPerson: "Falar com uma pessoa",
  placeholder: "Escreva uma mensagem…",
  send: "Enviar",
  sending: "A enviar…",
  notSent: "Não enviada",
  retry: "Tentar novamente",
  dismiss: "Ignorar",
  tooLong: (n) => `A sua mensagem tem ${n} caracteres a mais.`,
  you: "Você",
  bot: "Assistente",
  agent: "Agente",
  typing: "A escrever…",
  agentTyping: (name) => (name ? `${name} está a escrever…` : "Um agente está a escrever…"),
  didYouMean: "Queria dizer:",
  source: "Fonte",
  helpful: "Útil",
  notHelpful: "Não foi útil",
  queued: (pos, etaSeconds) =>
    `À espera de uma pessoa${pos ? ` — é o número ${pos} na fila` : ""}${etaSeconds ? `, cerca de ${Math.max(1, Math.round(etaSeconds / 60))} min` : ""}.`,
  assigned: (name) => (name ? `Está a conversar com ${name}.` : "Está a conversar com a nossa equipa."),
  resolved: "A conversa com a nossa equipa terminou.",
  offlineTitle: (reason) =>
    reason === "closed" ? "Neste momento estamos fechados. Deixe-nos uma mensagem e responderemos por e-mail." : "Neste momento não há ninguém disponível. Deixe-nos uma mensagem e responderemos por e-mail.",
  email: "O seu e-mail",
  message: "Mensagem",
  sendTicket: "Enviar mensagem",
  ticketSent: "Obrigado! Responderemos por e-mail.",
  invalidEmail: "Introduza um endereço de e-mail válido.",
  emptyMessage: "Escreva uma mensagem.",
  rateTitle: "Como correu?",
  rateStar: (n) => `${n} de 5`,
  rateComment: "Comentário (opcional)",
  rateSubmit: "Enviar avaliação",
  rateThanks: "Obrigado pela sua opinião!",
  rateLimited: (s) => `Está a enviar mensagens muito depressa. Tentaremos de novo${s ? ` dentro de ${s} s` : " daqui a pouco"}.`,
  genericError: "Algo correu mal. Tente novamente.",
  newMessage: (who, text) => `${who}: ${text}`,
};

const it: UiStrings = {
  greeting: "Ciao! Come possiamo aiutarti?",
  title: "Chat",
  online: "Online",
  connecting: "Connessione…",
  reconnecting: "Riconnessione… I tuoi messaggi verranno inviati quando sarai di nuovo online.",
  refused: "La chat non è disponibile in questa pagina.",
  close: "Chiudi la chat",
  talkToPerson: "Parla con una persona",
  placeholder: "Scrivi un messaggio…",
  send: "Invia",
  sending: "Invio…",
  notSent: "Non inviato",
  retry: "Riprova",
  dismiss: "Chiudi",
  tooLong: (n) => `Il tuo messaggio supera il limite di ${n} caratteri.`,
  you: "Tu",
  bot: "Assistente",
  agent: "Operatore",
  typing: "Sta scrivendo…",
  agentTyping: (name) => (name ? `${name} sta scrivendo…` : "Un operatore sta scrivendo…"),
  didYouMean: "Forse intendevi:",
  source: "Fonte",
  helpful: "Utile",
  notHelpful: "Non utile",
  queued: (pos, etaSeconds) =>
    `In attesa di una persona${pos ? ` — sei il numero ${pos} in coda` : ""}${etaSeconds ? `, circa ${Math.max(1, Math.round(etaSeconds / 60))} min` : ""}.`,
  assigned: (name) => (name ? `Stai parlando con ${name}.` : "Stai parlando con il nostro team."),
  resolved: "La conversazione con il nostro team è terminata.",
  offlineTitle: (reason) =>
    reason === "closed" ? "Al momento siamo chiusi. Lasciaci un messaggio e ti risponderemo via e-mail." : "Al momento non c'è nessuno disponibile. Lasciaci un messaggio e ti risponderemo via e-mail.",
  email: "La tua e-mail",
  message: "Messaggio",
  sendTicket: "Invia messaggio",
  ticketSent: "Grazie! Ti risponderemo via e-mail.",
  invalidEmail: "Inserisci un indirizzo e-mail valido.",
  emptyMessage: "Scrivi un messaggio.",
  rateTitle: "Come ti abbiamo aiutato?",
  rateStar: (n) => `${n} su 5`,
  rateComment: "Commento (facoltativo)",
  rateSubmit: "Invia valutazione",
  rateThanks: "Grazie per il tuo parere!",
  rateLimited: (s) => `Stai inviando messaggi molto velocemente. Riproveremo${s ? ` tra ${s} s` : " tra un attimo"}.`,
  genericError: "Qualcosa è andato storto. Riprova.",
  newMessage: (who, text) => `${who}: ${text}`,
};

export const UI_STRINGS: Record<UiLanguage, UiStrings> = { en, es, fr, de, pt, it };

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";

/** Whether the widget has its own words in this language (a tag like "fr-CA" counts as "fr"). */
export function isUiLanguage(tag: string | null | undefined): tag is string {
  return !!tag && (UI_LANGUAGES as readonly string[]).includes(primary(tag));
}

export function uiStrings(language: string): UiStrings {
  return isUiLanguage(language) ? UI_STRINGS[primary(language) as UiLanguage] : en;
}

/**
 * The language of the widget's own words: `requested` (data-lang or the page's language) when the
 * widget speaks it, else the first browser language it speaks, else the tenant's default, else English.
 */
export function chooseUiLanguage(opts: { requested?: string | null; browser: readonly string[]; fallback: string }): UiLanguage {
  const pick = [opts.requested, ...opts.browser, opts.fallback].find((tag) => isUiLanguage(tag));
  return (pick ? primary(pick) : "en") as UiLanguage;
}

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
