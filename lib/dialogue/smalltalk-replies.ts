// The small-talk intents and the bot's built-in replies to them, in six languages (no
// imports: the admin console's settings form shows them as the defaults a tenant may replace).
export const SMALLTALK_INTENTS = ["greeting", "thanks", "goodbye", "bot", "capabilities", "howareyou", "ack", "negative", "insult", "laugh", "other"] as const;
export type SmallTalkIntent = (typeof SMALLTALK_INTENTS)[number];

/** Languages the built-in replies are written in (English is the fallback for any other). */
export const REPLY_LANGUAGES = ["en", "es", "fr", "de", "pt", "it"] as const;
export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];

/** Default replies; `{name}` is the workspace name, `{topics}` what the FAQ covers. */
export const SMALLTALK_REPLIES: Record<SmallTalkIntent, Record<ReplyLanguage, string>> = {
  greeting: {
    en: "Hi! How can I help you today?",
    es: "¡Hola! ¿En qué puedo ayudarte?",
    fr: "Bonjour ! Comment puis-je vous aider ?",
    de: "Hallo! Wie kann ich Ihnen helfen?",
    pt: "Olá! Em que posso ajudar?",
    it: "Ciao! Come posso aiutarti?",
  },
  thanks: {
    en: "You're welcome! Is there anything else I can help with?",
    es: "¡De nada! ¿Puedo ayudarte en algo más?",
    fr: "Avec plaisir ! Puis-je vous aider pour autre chose ?",
    de: "Gern geschehen! Kann ich Ihnen sonst noch helfen?",
    pt: "De nada! Posso ajudar em mais alguma coisa?",
    it: "Prego! Posso aiutarti in qualcos'altro?",
  },
  goodbye: {
    en: "Thanks for writing. Have a great day!",
    es: "Gracias por escribirnos. ¡Que tengas un buen día!",
    fr: "Merci de nous avoir écrit. Bonne journée !",
    de: "Danke für Ihre Nachricht. Einen schönen Tag noch!",
    pt: "Obrigado por nos escrever. Tenha um bom dia!",
    it: "Grazie per averci scritto. Buona giornata!",
  },
  bot: {
    en: "I'm {name}'s virtual assistant, a bot. I answer common questions about {topics}, and I can put you in touch with a person from our team whenever you like.",
    es: "Soy el asistente virtual de {name}, un bot. Respondo las preguntas frecuentes sobre {topics} y puedo ponerte en contacto con una persona del equipo cuando quieras.",
    fr: "Je suis l'assistant virtuel de {name}, un bot. Je réponds aux questions fréquentes sur {topics} et je peux vous mettre en relation avec une personne de notre équipe quand vous le souhaitez.",
    de: "Ich bin der virtuelle Assistent von {name}, ein Bot. Ich beantworte häufige Fragen zu {topics} und verbinde Sie jederzeit gern mit einer Person aus unserem Team.",
    pt: "Sou o assistente virtual de {name}, um bot. Respondo a perguntas frequentes sobre {topics} e posso pô-lo em contacto com uma pessoa da nossa equipa quando quiser.",
    it: "Sono l'assistente virtuale di {name}, un bot. Rispondo alle domande frequenti su {topics} e posso metterti in contatto con una persona del nostro team quando vuoi.",
  },
  capabilities: {
    en: "I can answer questions about {topics}. Just write your question in your own words, or ask for a person at any time.",
    es: "Puedo responder preguntas sobre {topics}. Escribe tu pregunta con tus palabras o pide hablar con una persona cuando quieras.",
    fr: "Je peux répondre aux questions sur {topics}. Écrivez simplement votre question avec vos mots, ou demandez à parler à une personne à tout moment.",
    de: "Ich kann Fragen zu {topics} beantworten. Schreiben Sie Ihre Frage einfach in eigenen Worten, oder fragen Sie jederzeit nach einer Person.",
    pt: "Posso responder a perguntas sobre {topics}. Escreva a sua pergunta por palavras suas, ou peça para falar com uma pessoa a qualquer momento.",
    it: "Posso rispondere a domande su {topics}. Scrivi la tua domanda con parole tue, oppure chiedi di parlare con una persona in qualsiasi momento.",
  },
  howareyou: {
    en: "I'm doing well, thanks for asking! What can I help you with?",
    es: "¡Muy bien, gracias por preguntar! ¿En qué puedo ayudarte?",
    fr: "Très bien, merci de demander ! Comment puis-je vous aider ?",
    de: "Danke der Nachfrage, mir geht es gut! Wobei kann ich Ihnen helfen?",
    pt: "Muito bem, obrigado por perguntar! Em que posso ajudar?",
    it: "Molto bene, grazie per averlo chiesto! Come posso aiutarti?",
  },
  ack: {
    en: "Great! Let me know if there's anything else.",
    es: "¡Perfecto! Dime si necesitas algo más.",
    fr: "Parfait ! Dites-moi si vous avez besoin d'autre chose.",
    de: "Prima! Sagen Sie Bescheid, wenn Sie noch etwas brauchen.",
    pt: "Ótimo! Diga-me se precisar de mais alguma coisa.",
    it: "Perfetto! Fammi sapere se ti serve altro.",
  },
  negative: {
    en: "All right. If you need anything else, just write here.",
    es: "De acuerdo. Si necesitas algo más, escribe aquí.",
    fr: "D'accord. Si vous avez besoin d'autre chose, écrivez ici.",
    de: "In Ordnung. Wenn Sie noch etwas brauchen, schreiben Sie einfach hier.",
    pt: "Está bem. Se precisar de mais alguma coisa, escreva aqui.",
    it: "D'accordo. Se ti serve altro, scrivi qui.",
  },
  insult: {
    en: "I'm sorry I haven't been helpful. Could you tell me what you need in other words? If you prefer, I can put you in touch with a person.",
    es: "Siento no haberte ayudado. ¿Me cuentas qué necesitas con otras palabras? Si lo prefieres, te pongo en contacto con una persona.",
    fr: "Je suis désolé de ne pas avoir pu vous aider. Pouvez-vous me dire ce dont vous avez besoin avec d'autres mots ? Si vous préférez, je vous mets en relation avec une personne.",
    de: "Es tut mir leid, dass ich Ihnen nicht helfen konnte. Können Sie mit anderen Worten sagen, was Sie brauchen? Wenn Sie möchten, verbinde ich Sie mit einer Person.",
    pt: "Lamento não ter ajudado. Pode dizer-me o que precisa por outras palavras? Se preferir, ponho-o em contacto com uma pessoa.",
    it: "Mi dispiace di non esserti stato d'aiuto. Puoi dirmi con altre parole di cosa hai bisogno? Se preferisci, ti metto in contatto con una persona.",
  },
  laugh: {
    en: "😊 Anything else I can help with?",
    es: "😊 ¿Te ayudo con algo más?",
    fr: "😊 Puis-je vous aider pour autre chose ?",
    de: "😊 Kann ich sonst noch helfen?",
    pt: "😊 Posso ajudar em mais alguma coisa?",
    it: "😊 Posso aiutarti in qualcos'altro?",
  },
  other: {
    en: "I can help with questions about {topics}. What would you like to know?",
    es: "Puedo ayudarte con preguntas sobre {topics}. ¿Qué necesitas saber?",
    fr: "Je peux vous aider pour les questions sur {topics}. Que souhaitez-vous savoir ?",
    de: "Ich helfe Ihnen gern bei Fragen zu {topics}. Was möchten Sie wissen?",
    pt: "Posso ajudar com perguntas sobre {topics}. O que gostaria de saber?",
    it: "Posso aiutarti con domande su {topics}. Cosa vorresti sapere?",
  },
};

/** The built-in reply in a language (its first two letters), English when it has none. */
export function builtInReply(intent: SmallTalkIntent, language: string): string {
  const table = SMALLTALK_REPLIES[intent] as Record<string, string>;
  return table[language.slice(0, 2).toLowerCase()] ?? table.en;
}

/** Intents whose reply also offers a button to talk to a person. */
export const OFFERS_PERSON: ReadonlySet<SmallTalkIntent> = new Set(["insult", "bot", "capabilities"]);
