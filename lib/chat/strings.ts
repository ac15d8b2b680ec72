// What the bot itself says (not FAQ content), in each supported language. English is the fallback.
// The widget's own labels (components/widget/i18n.ts) speak the same six languages.
type Lang = "en" | "es" | "fr" | "de" | "pt" | "it";

const STRINGS = {
  didYouMean: {
    en: "I'm not completely sure. Did you mean one of these?",
    es: "No estoy del todo seguro. ¿Te refieres a alguna de estas?",
    fr: "Je ne suis pas tout à fait sûr. Vouliez-vous dire l'une de ces questions ?",
    de: "Ich bin mir nicht ganz sicher. Meinten Sie eine dieser Fragen?",
    pt: "Não tenho a certeza. Queria dizer uma destas?",
    it: "Non ne sono del tutto sicuro. Intendevi una di queste?",
  },
  dontKnow: {
    en: "I don't have an answer to that.",
    es: "No tengo una respuesta para eso.",
    fr: "Je n'ai pas de réponse à cette question.",
    de: "Darauf habe ich leider keine Antwort.",
    pt: "Não tenho uma resposta para isso.",
    it: "Non ho una risposta a questa domanda.",
  },
  dontKnowOffer: {
    en: "I don't have an answer to that. Could you put it another way? Or I can put you in touch with a person from our team.",
    es: "No tengo una respuesta para eso. ¿Puedes decirlo de otra forma? O te pongo en contacto con una persona del equipo.",
    fr: "Je n'ai pas de réponse à cette question. Pouvez-vous la formuler autrement ? Je peux aussi vous mettre en relation avec une personne de notre équipe.",
    de: "Darauf habe ich leider keine Antwort. Können Sie es anders formulieren? Ich kann Sie auch mit einer Person aus unserem Team verbinden.",
    pt: "Não tenho uma resposta para isso. Pode dizer de outra forma? Ou posso pô-lo em contacto com uma pessoa da nossa equipa.",
    it: "Non ho una risposta a questa domanda. Puoi dirlo in un altro modo? Oppure posso metterti in contatto con una persona del nostro team.",
  },
  offTopic: {
    en: "Sorry, I can't help with that: I'm here for questions about {topics}. If you need something else, I can put you in touch with a person.",
    es: "Lo siento, con eso no puedo ayudarte: estoy aquí para preguntas sobre {topics}. Si necesitas otra cosa, te pongo en contacto con una persona.",
    fr: "Désolé, je ne peux pas vous aider pour cela : je suis là pour les questions sur {topics}. Pour autre chose, je peux vous mettre en relation avec une personne.",
    de: "Dabei kann ich leider nicht helfen: Ich bin für Fragen zu {topics} da. Wenn Sie etwas anderes brauchen, verbinde ich Sie gern mit einer Person.",
    pt: "Desculpe, não posso ajudar com isso: estou aqui para perguntas sobre {topics}. Se precisar de outra coisa, posso pô-lo em contacto com uma pessoa.",
    it: "Mi dispiace, non posso aiutarti con questo: sono qui per domande su {topics}. Se hai bisogno d'altro, posso metterti in contatto con una persona.",
  },
  connecting: {
    en: "I'm connecting you with a person from our team.",
    es: "Te paso con una persona de nuestro equipo.",
    fr: "Je vous mets en relation avec une personne de notre équipe.",
    de: "Ich verbinde Sie mit einer Person aus unserem Team.",
    pt: "Vou pô-lo em contacto com uma pessoa da nossa equipa.",
    it: "Ti metto in contatto con una persona del nostro team.",
  },
  queued: {
    en: "You're number {position} in line. Estimated wait: {eta}. You can keep writing here; a person will read everything.",
    es: "Eres el número {position} en la cola. Espera estimada: {eta}. Puedes seguir escribiendo aquí; una persona lo leerá todo.",
    fr: "Vous êtes numéro {position} dans la file. Attente estimée : {eta}. Vous pouvez continuer à écrire ici ; une personne lira tout.",
    de: "Sie sind Nummer {position} in der Warteschlange. Geschätzte Wartezeit: {eta}. Sie können hier weiterschreiben; eine Person liest alles.",
    pt: "É o número {position} na fila. Espera estimada: {eta}. Pode continuar a escrever aqui; uma pessoa vai ler tudo.",
    it: "Sei il numero {position} in coda. Attesa stimata: {eta}. Puoi continuare a scrivere qui; una persona leggerà tutto.",
  },
  offlineNoAgents: {
    en: "No one from our team is available right now. Leave your e-mail and message and we'll get back to you.",
    es: "Ahora mismo no hay nadie del equipo disponible. Déjanos tu correo y tu mensaje y te responderemos.",
    fr: "Personne de notre équipe n'est disponible pour le moment. Laissez votre e-mail et votre message, nous vous répondrons.",
    de: "Gerade ist niemand aus unserem Team erreichbar. Hinterlassen Sie Ihre E-Mail-Adresse und Ihre Nachricht, wir melden uns.",
    pt: "Neste momento ninguém da nossa equipa está disponível. Deixe o seu e-mail e a sua mensagem e responderemos.",
    it: "Al momento nessuno del nostro team è disponibile. Lascia la tua e-mail e il tuo messaggio e ti risponderemo.",
  },
  writeBack: {
    en: "Of course. Leave your e-mail address and your message, and someone from our team will write back.",
    es: "Claro. Déjanos tu correo y tu mensaje, y alguien de nuestro equipo te escribirá.",
    fr: "Bien sûr. Laissez votre adresse e-mail et votre message, une personne de notre équipe vous écrira.",
    de: "Gern. Hinterlassen Sie Ihre E-Mail-Adresse und Ihre Nachricht, jemand aus unserem Team schreibt Ihnen.",
    pt: "Claro. Deixe o seu e-mail e a sua mensagem, e alguém da nossa equipa vai escrever-lhe.",
    it: "Certo. Lascia il tuo indirizzo e-mail e il tuo messaggio, e qualcuno del nostro team ti scriverà.",
  },
  offlineClosed: {
    en: "We're outside our business hours. Leave your e-mail and message and we'll get back to you.",
    es: "Estamos fuera del horario de atención. Déjanos tu correo y tu mensaje y te responderemos.",
    fr: "Nous sommes en dehors de nos heures d'ouverture. Laissez votre e-mail et votre message, nous vous répondrons.",
    de: "Wir sind außerhalb unserer Geschäftszeiten. Hinterlassen Sie Ihre E-Mail-Adresse und Ihre Nachricht, wir melden uns.",
    pt: "Estamos fora do horário de atendimento. Deixe o seu e-mail e a sua mensagem e responderemos.",
    it: "Siamo fuori dall'orario di servizio. Lascia la tua e-mail e il tuo messaggio e ti risponderemo.",
  },
  assigned: {
    en: "{name} from our team has joined the conversation.",
    es: "{name}, de nuestro equipo, se ha unido a la conversación.",
    fr: "{name}, de notre équipe, a rejoint la conversation.",
    de: "{name} aus unserem Team ist dem Gespräch beigetreten.",
    pt: "{name}, da nossa equipa, juntou-se à conversa.",
    it: "{name} del nostro team si è unito alla conversazione.",
  },
  resolved: {
    en: "This conversation was marked as resolved.",
    es: "Hemos dado por resuelta esta conversación.",
    fr: "Cette conversation a été marquée comme résolue.",
    de: "Dieses Gespräch wurde als gelöst markiert.",
    pt: "Esta conversa foi marcada como resolvida.",
    it: "Questa conversazione è stata segnata come risolta.",
  },
  returnedToBot: {
    en: "You're chatting with the assistant again.",
    es: "Vuelves a hablar con el asistente.",
    fr: "Vous discutez de nouveau avec l'assistant.",
    de: "Sie chatten wieder mit dem Assistenten.",
    pt: "Está novamente a falar com o assistente.",
    it: "Stai di nuovo parlando con l'assistente.",
  },
  noModel: {
    en: "I can't answer questions yet.",
    es: "Todavía no puedo responder preguntas.",
    fr: "Je ne peux pas encore répondre aux questions.",
    de: "Ich kann noch keine Fragen beantworten.",
    pt: "Ainda não consigo responder a perguntas.",
    it: "Non posso ancora rispondere alle domande.",
  },
  minutes: { en: "about {n} min", es: "unos {n} min", fr: "environ {n} min", de: "etwa {n} Min.", pt: "cerca de {n} min", it: "circa {n} min" },
  underAMinute: { en: "less than a minute", es: "menos de un minuto", fr: "moins d'une minute", de: "weniger als eine Minute", pt: "menos de um minuto", it: "meno di un minuto" },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: string | null | undefined, vars: Record<string, string | number> = {}): string {
  const table = STRINGS[key] as Record<string, string>;
  const text = table[(lang ?? "en").slice(0, 2).toLowerCase()] ?? table.en!;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

/** The language t() writes a text in for `lang`: its own when the bot speaks it, else English. */
export function textLanguage(lang: string | null | undefined): Lang {
  const code = (lang ?? "en").slice(0, 2).toLowerCase();
  return code in STRINGS.dontKnow ? (code as Lang) : "en";
}

/**
 * A text the tenant may have reworded (settings.botTexts: per text, per language), else the
 * built-in one. Variables ({topics}, …) are filled in either way.
 */
export function botText(overrides: Partial<Record<string, Record<string, string>>> | undefined, key: StringKey, lang: string | null | undefined, vars: Record<string, string | number> = {}): string {
  const own = overrides?.[key]?.[(lang ?? "en").slice(0, 2).toLowerCase()];
  return own ? own.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? "")) : t(key, lang, vars);
}

/** The built-in text in a language (English when it has none), unfilled: the admin form shows it as a placeholder. */
export function builtInText(key: StringKey, lang: string): string {
  const table = STRINGS[key] as Record<string, string>;
  return table[lang.slice(0, 2).toLowerCase()] ?? table.en!;
}

export function formatEta(seconds: number | null | undefined, lang: string | null | undefined): string {
  if (seconds == null || seconds < 60) return t("underAMinute", lang);
  return t("minutes", lang, { n: Math.round(seconds / 60) });
}
