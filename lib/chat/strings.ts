// What the bot itself says (not FAQ content), in each supported language. English is the fallback.
type Lang = "en" | "es";

const STRINGS = {
  didYouMean: { en: "I'm not completely sure. Did you mean one of these?", es: "No estoy del todo seguro. ¿Te refieres a alguna de estas?" },
  dontKnow: { en: "I don't have an answer to that in our help articles.", es: "No tengo una respuesta para eso en nuestras preguntas frecuentes." },
  dontKnowOffer: {
    en: "I don't have an answer to that in our help articles. Could you put it another way? Or I can put you in touch with a person from our team.",
    es: "No tengo una respuesta para eso en nuestras preguntas frecuentes. ¿Puedes decirlo de otra forma? O te pongo en contacto con una persona del equipo.",
  },
  offTopic: {
    en: "Sorry, I can't help with that: I'm here for questions about {topics}. If you need something else, I can put you in touch with a person.",
    es: "Lo siento, con eso no puedo ayudarte: estoy aquí para preguntas sobre {topics}. Si necesitas otra cosa, te pongo en contacto con una persona.",
  },
  connecting: { en: "I'm connecting you with a person from our team.", es: "Te paso con una persona de nuestro equipo." },
  queued: {
    en: "You're number {position} in line. Estimated wait: {eta}. You can keep writing here; a person will read everything.",
    es: "Eres el número {position} en la cola. Espera estimada: {eta}. Puedes seguir escribiendo aquí; una persona lo leerá todo.",
  },
  offlineNoAgents: {
    en: "No one from our team is available right now. Leave your e-mail and message and we'll get back to you.",
    es: "Ahora mismo no hay nadie del equipo disponible. Déjanos tu correo y tu mensaje y te responderemos.",
  },
  offlineClosed: {
    en: "We're outside our business hours. Leave your e-mail and message and we'll get back to you.",
    es: "Estamos fuera del horario de atención. Déjanos tu correo y tu mensaje y te responderemos.",
  },
  assigned: { en: "{name} from our team has joined the conversation.", es: "{name}, de nuestro equipo, se ha unido a la conversación." },
  resolved: { en: "This conversation was marked as resolved. How did we do?", es: "Hemos dado por resuelta esta conversación. ¿Qué tal lo hicimos?" },
  returnedToBot: { en: "You're chatting with the assistant again.", es: "Vuelves a hablar con el asistente." },
  noModel: { en: "I can't answer questions yet.", es: "Todavía no puedo responder preguntas." },
  minutes: { en: "about {n} min", es: "unos {n} min" },
  underAMinute: { en: "less than a minute", es: "menos de un minuto" },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: string | null | undefined, vars: Record<string, string | number> = {}): string {
  const table = STRINGS[key] as Record<string, string>;
  const text = table[lang ?? "en"] ?? table.en!;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

export function formatEta(seconds: number | null | undefined, lang: string | null | undefined): string {
  if (seconds == null || seconds < 60) return t("underAMinute", lang);
  return t("minutes", lang, { n: Math.round(seconds / 60) });
}
