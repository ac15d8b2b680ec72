// The small-talk intents and the bot's built-in replies to them, in English and Spanish (no
// imports: the admin console's settings form shows them as the defaults a tenant may replace).
export const SMALLTALK_INTENTS = ["greeting", "thanks", "goodbye", "bot", "capabilities", "howareyou", "ack", "negative", "insult", "laugh", "other"] as const;
export type SmallTalkIntent = (typeof SMALLTALK_INTENTS)[number];

/** Default replies; `{name}` is the workspace name, `{topics}` what the FAQ covers. */
export const SMALLTALK_REPLIES: Record<SmallTalkIntent, { en: string; es: string }> = {
  greeting: { en: "Hi! How can I help you today?", es: "¡Hola! ¿En qué puedo ayudarte?" },
  thanks: { en: "You're welcome! Is there anything else I can help with?", es: "¡De nada! ¿Puedo ayudarte en algo más?" },
  goodbye: { en: "Thanks for writing. Have a great day!", es: "Gracias por escribirnos. ¡Que tengas un buen día!" },
  bot: {
    en: "I'm {name}'s virtual assistant, a bot. I answer common questions about {topics}, and I can put you in touch with a person from our team whenever you like.",
    es: "Soy el asistente virtual de {name}, un bot. Respondo las preguntas frecuentes sobre {topics} y puedo ponerte en contacto con una persona del equipo cuando quieras.",
  },
  capabilities: {
    en: "I can answer questions about {topics}. Just write your question in your own words, or ask for a person at any time.",
    es: "Puedo responder preguntas sobre {topics}. Escribe tu pregunta con tus palabras o pide hablar con una persona cuando quieras.",
  },
  howareyou: { en: "I'm doing well, thanks for asking! What can I help you with?", es: "¡Muy bien, gracias por preguntar! ¿En qué puedo ayudarte?" },
  ack: { en: "Great! Let me know if there's anything else.", es: "¡Perfecto! Dime si necesitas algo más." },
  negative: { en: "All right. If you need anything else, just write here.", es: "De acuerdo. Si necesitas algo más, escribe aquí." },
  insult: {
    en: "I'm sorry I haven't been helpful. Could you tell me what you need in other words? If you prefer, I can put you in touch with a person.",
    es: "Siento no haberte ayudado. ¿Me cuentas qué necesitas con otras palabras? Si lo prefieres, te pongo en contacto con una persona.",
  },
  laugh: { en: "😊 Anything else I can help with?", es: "😊 ¿Te ayudo con algo más?" },
  other: { en: "I can help with questions about {topics}. What would you like to know?", es: "Puedo ayudarte con preguntas sobre {topics}. ¿Qué necesitas saber?" },
};

/** Intents whose reply also offers a button to talk to a person. */
export const OFFERS_PERSON: ReadonlySet<SmallTalkIntent> = new Set(["insult", "bot", "capabilities"]);
