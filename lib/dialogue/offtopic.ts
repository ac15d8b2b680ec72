// Questions that no customer-service FAQ is about ("tell me a joke", "¿quién ganó el mundial?").
// Two signals: words that mark a general-knowledge or entertainment request (unless the tenant's
// own FAQ uses them — a travel agency may well answer about the weather), and the tenant model
// finding nothing of the message in the FAQ. The bot declines politely, says what it can help
// with and offers a person; it does not queue the customer unless they ask or the tenant says so.
import { normalizeText } from "@/lib/training";

// Whole normalised words or phrases.
const MARKERS = [
  // English
  "joke", "jokes", "funny story", "poem", "poetry", "song", "lyrics", "riddle", "weather", "forecast", "temperature outside", "rain", "raining", "snow", "snowing", "sunny",
  "world cup", "football", "soccer", "basketball", "nba", "baseball", "who won", "champions league", "super bowl", "olympics", "formula 1",
  "president", "prime minister", "election", "politics", "capital of", "population of", "recipe", "bake", "pizza", "movie", "movies", "film", "netflix",
  "homework", "math", "maths", "square root", "times table", "meaning of life", "what is love", "do you love me", "are you single", "marry me", "date me",
  "stock market", "horoscope", "zodiac", "religion", "aliens", "dinosaurs", "translate", "capital city", "tallest", "biggest country", "who invented", "who wrote", "who painted", "history of",
  "play music", "play a song", "set an alarm", "alarm", "favourite color", "favorite color", "favourite colour", "favorite food", "how old are you", "where do you live", "tell me about yourself", "chess", "video game", "in the world", "goals", "goal", "show tonight", "best phone", "iphone or samsung", "recommend", "recommendation", "flatmates", "roommate", "dating app", "fun fact", "fun facts", "facts about", "python", "javascript", "code for", "script that", "linked list", "trivia", "podcast", "podcasts", "recommend a book", "recommend a movie", "recommend a song", "good book", "write me", "write a letter", "write an essay", "essay", "convert", "exchange rate",
  // Spanish
  "chiste", "chistes", "cuentame un chiste", "poema", "poesia", "cancion", "cantame", "adivinanza", "tiempo hace", "que tiempo", "clima", "llover", "va a llover", "lluvia", "llueve", "nevar", "nieve", "hace frio", "hace calor", "pronostico",
  "mundial", "futbol", "partido", "baloncesto", "quien gano", "champions", "real madrid", "messi", "olimpiadas", "formula uno",
  "presidente", "elecciones", "politica", "capital de", "habitantes", "receta", "cocinar",
  "pelicula", "peliculas", "series",
  "deberes", "matematicas", "raiz cuadrada", "sentido de la vida", "que es el amor", "me quieres", "estas soltero", "estas soltera", "casate conmigo",
  "horoscopo", "religion", "extraterrestres", "dinosaurios", "traduce", "traducir", "quien invento", "quien escribio", "quien pinto", "historia de",
  "pon musica", "pon una cancion", "alarma", "color favorito", "comida favorita", "cuantos anos tienes", "donde vives", "ajedrez", "videojuego", "del mundo", "goles", "gol", "recomiendas", "recomienda", "recomendacion", "mejor celular", "mejor movil", "iphone o samsung", "calidad precio", "compañero de piso", "recomiendame", "recomendame", "un libro", "una serie", "escribeme", "redactame", "redacta", "redactar", "una carta", "tipo de cambio", "pesos colombianos", "en dolares", "esta el dolar", "precio del dolar", "cotizacion del dolar", "dolar blue", "dolar hoy", "el bitcoin", "dollar rate", "price of bitcoin", "bitcoin price",
];

// Dishes: "receta de tortilla" is a recipe even where "receta" is a prescription, however clearly the
// prescriptions entry leads (unless the FAQ itself names the dish, as a restaurant's would).
export const DISH_MARKERS: ReadonlySet<string> = new Set(["tortilla", "paella", "gazpacho", "lasagna", "lasana", "brownies", "brownie", "cookies", "galletas", "bizcocho", "pancakes", "tortitas", "guacamole", "empanadas", "ceviche", "arepas", "flan", "espaguetis", "spaghetti", "cheesecake", "croquetas", "churros", "cocktail", "coctel", "mojito"]);
const MARKER_WORDS = [...MARKERS, ...DISH_MARKERS].map((m) => m.split(" "));

// "what's two plus two", "cuanto es siete por ocho": a sum in words ("cuánto es la consulta" is a price).
const NUMBER = "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)";
const SMALL: Record<string, number> = { uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4 };
const OFFER = /\b([1-4]|uno|una|dos|tres|cuatro)\s*(?:x|por)\s*([1-4]|uno|una|dos|tres|cuatro)\b/gi;
/** The text without "2x1"-style offers (take a, pay b < a). */
function withoutOffers(text: string): string {
  const value = (w: string) => SMALL[w.toLowerCase()] ?? Number(w);
  return text.replace(OFFER, (m, a: string, b: string) => (value(b) < value(a) ? " " : m));
}
const SPELLED_SUM = new RegExp(`\\b${NUMBER} (?:plus|minus|times|multiplied by|divided by|mas|menos|por|entre|dividido entre|multiplicado por) ${NUMBER}\\b`);

const WEATHER: ReadonlySet<string> = new Set(["weather", "forecast", "rain", "raining", "rains", "snow", "snowing", "sunny", "storm", "clima", "tiempo hace", "que tiempo", "llover", "va a llover", "lluvia", "llueve", "lluvias", "nevar", "nieve", "tormenta", "pronostico", "hace frio", "hace calor"]);

function contains(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * An off-topic marker in the message that the FAQ's own words do not contain, or null.
 * `faqWords` is the set of normalised words of the tenant's FAQ (questions and answers).
 */
export function offTopicMarker(text: string, faqWords: ReadonlySet<string>, faqText = ""): string | null {
  const words = normalizeText(text).split(" ").filter(Boolean);
  // Arithmetic ("what's 2+2", "cuanto es 7 x 8") is never an FAQ question.
  // ("2x1", "3 por 2" are offers, not sums.)
  const sum = /\d\s*[-+*x×/^]\s*\d/.test(withoutOffers(text)) || SPELLED_SUM.test(withoutOffers(words.join(" ")));
  if ((sum || /\d\s*(%|percent|por ciento)\s*(of|de)\s*\d/i.test(text)) && words.length <= 10) return "arithmetic";
  for (const m of MARKER_WORDS) {
    if (!contains(words, m)) continue;
    // The FAQ itself talks about it (a travel agency's "weather" question): not off-topic.
    if (m.length === 1 ? faqWords.has(m[0]) : faqText.includes(` ${m.join(" ")} `)) continue;
    // …or about the weather in other words (a venue's "plan B if it rains", a ski school's snow).
    if (WEATHER.has(m.join(" ")) && [...WEATHER].some((w) => faqWords.has(w))) continue;
    return m.join(" ");
  }
  return null;
}
