// Everyday questions (English and Spanish) that no customer-service FAQ is about: small talk,
// general knowledge, other trades. Calibration scores them as stand-ins for "not covered" next to
// phrasings of held-out entries, which are same-domain near-misses and alone make thresholds too
// strict. Any of these that an FAQ does cover is dropped first (see isCoveredBy).
import { normalizeText, tokenize } from "./normalize";

export const OFF_TOPIC_QUESTIONS: readonly string[] = [
  // English
  "what is the capital of australia",
  "who won the football match last night",
  "will it rain tomorrow",
  "what's the weather like in london",
  "can you recommend a good movie",
  "how do I bake sourdough bread",
  "what is the square root of 144",
  "who is the president of france",
  "how tall is mount everest",
  "do you like pizza",
  "are you a robot or a person",
  "what's your favourite colour",
  "sing me a song",
  "how old are you",
  "do you sell motorcycles",
  "can I buy a used car here",
  "do you rent apartments",
  "how do I fix a flat bicycle tyre",
  "what time does the train to paris leave",
  "how many calories are in a banana",
  "what should I cook for dinner tonight",
  "is coffee bad for your health",
  "how do I lose weight fast",
  "my dog is sick what should I do",
  "where can I watch the champions league",
  "translate hello into japanese",
  "how does photosynthesis work",
  "what is bitcoin worth today",
  "should I invest in stocks",
  "how do I install windows on my laptop",
  "my wifi router keeps disconnecting",
  "who wrote romeo and juliet",
  "when did world war two end",
  "how far is the moon from the earth",
  "recommend a book about history",
  "what's a good name for a cat",
  "how do I get a driving licence",
  "is the gym open on sundays",
  "book me a table for two at an italian restaurant",
  "what are the symptoms of the flu",
  "how do I apply for a passport",
  "what's the best smartphone this year",
  "can you help me with my maths homework",
  "write a poem about the sea",
  "what is the population of china",
  "how do I plant tomatoes",
  "who invented the telephone",
  "why is the sky blue",
  "do aliens exist",
  "what's the score of the basketball game",
  "are you single",
  "I am bored",
  "good morning how are you",
  "hello",
  "thanks bye",
  "lol",
  "what is love",
  "play some music",
  "set an alarm for 7 am",
  "how do I change a light bulb",
  // Spanish
  "cuál es la capital de australia",
  "quién ganó el partido anoche",
  "va a llover mañana",
  "qué tiempo hace en madrid",
  "me recomiendas una película",
  "cómo se hace una tortilla de patatas",
  "cuánto es la raíz cuadrada de 144",
  "quién es el presidente de francia",
  "cuánto mide el everest",
  "te gusta la pizza",
  "eres un robot o una persona",
  "cuál es tu color favorito",
  "cántame una canción",
  "cuántos años tienes",
  "venden motos",
  "puedo comprar un coche usado aquí",
  "alquilan pisos",
  "cómo arreglo una rueda pinchada de la bici",
  "a qué hora sale el tren a sevilla",
  "cuántas calorías tiene un plátano",
  "qué hago de cenar esta noche",
  "el café es malo para la salud",
  "cómo adelgazar rápido",
  "mi perro está enfermo qué hago",
  "dónde puedo ver la champions",
  "cómo se dice hola en japonés",
  "cómo funciona la fotosíntesis",
  "cuánto vale el bitcoin hoy",
  "debería invertir en bolsa",
  "cómo instalo windows en mi portátil",
  "mi router wifi se desconecta",
  "quién escribió don quijote",
  "cuándo terminó la segunda guerra mundial",
  "a qué distancia está la luna",
  "recomiéndame un libro de historia",
  "qué nombre le pongo a mi gato",
  "cómo saco el carnet de conducir",
  "abre el gimnasio los domingos",
  "resérvame una mesa para dos en un restaurante",
  "cuáles son los síntomas de la gripe",
  "cómo renuevo el pasaporte",
  "cuál es el mejor móvil de este año",
  "me ayudas con los deberes de matemáticas",
  "escribe un poema sobre el mar",
  "cuántos habitantes tiene china",
  "cómo planto tomates",
  "quién inventó el teléfono",
  "por qué el cielo es azul",
  "existen los extraterrestres",
  "cómo va el partido de baloncesto",
  "estás soltero",
  "estoy aburrido",
  "buenos días qué tal",
  "hola",
  "gracias adiós",
  "jajaja",
  "qué es el amor",
  "pon música",
  "pon una alarma a las 7",
  "cómo cambio una bombilla",
];

const words = (text: string) => new Set(tokenize(normalizeText(text)));

/**
 * Off-topic questions that none of the FAQ phrasings resembles: a question sharing most of its
 * words with some phrasing (word-set cosine ≥ 0.5) may be one the FAQ covers (a tenant whose FAQ
 * answers "will it rain tomorrow"), so it cannot serve as an unrelated example.
 */
export function offTopicFor(phrasings: string[], list: readonly string[] = OFF_TOPIC_QUESTIONS): string[] {
  const sets = phrasings.map(words);
  const byWord = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const w of s) {
      const l = byWord.get(w);
      if (l) l.push(i);
      else byWord.set(w, [i]);
    }
  });
  return list.filter((q) => {
    const qs = words(q);
    if (qs.size === 0) return false;
    const shared = new Map<number, number>();
    for (const w of qs) for (const i of byWord.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    for (const [i, n] of shared) if (n / Math.sqrt(qs.size * sets[i].size) >= 0.5) return false;
    return true;
  });
}
