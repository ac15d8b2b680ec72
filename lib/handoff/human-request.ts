// Does the customer ask for a person? Customers say it in countless ways ("agent pls", "can
// someone call me back", "is there a human I can chat with", "me comunican con un asesor",
// "prefiero que me atienda una persona"), so besides fixed phrases this looks for a verb of
// talking/connecting near a word for a person, in English and Spanish. Words are compared after
// normalisation (lower case, no accents); past tenses ("I talked to an agent yesterday") do not count.
// Also loaded by the chat widget (lib/widget/offline-draft.ts), so it imports only browser-safe modules.
import { normalizeText } from "@/lib/training/normalize";
import { STOPWORDS } from "@/lib/training/lexicon";

// Messages that are only this (plus politeness) ask for a person.
const ALONE = new Set([
  "agent", "agents", "human", "humans", "person", "a person", "a human", "an agent", "operator", "representative", "rep", "real person", "live agent", "live person", "live chat", "someone", "somebody", "support", "customer service", "customer support",
  "agente", "humano", "persona", "una persona", "un humano", "un agente", "operador", "operadora", "asesor", "asesora", "alguien", "soporte", "atencion al cliente", "servicio al cliente", "persona real", "una persona real",
]);
const POLITE = new Set(["w", "with", "w/", "on", "ur", "your", "side", "from", "de", "su", "vuestro", "vuestra", "please", "pls", "plz", "now", "asap", "thanks", "thank", "you", "por", "favor", "porfa", "porfavor", "svp", "sil", "vous", "plait", "bitte", "favore", "per", "ya", "ahora", "gracias", "urgente", "urgent", "i", "want", "need", "quiero", "necesito", "a", "an", "un", "una", "the", "el", "la", "con", "to", "with", "real", "de", "verdad", "just", "solo", "give", "me", "dame", "get"]);

// Verbs (base forms) of talking to / being put through to / being attended by someone.
const VERBS = new Set([
  "parler", "sprechen", "falar", "parlare",
  "talk", "speak", "chat", "connect", "transfer", "reach", "contact", "call", "escalate", "deal", "handle", "phone", "ring", "complain", "quejarme", "quejarnos", "reclamar",
  "hablar", "hablo", "hable", "hablarlo", "hablarla", "discuss", "atendido", "atendida", "llamar", "comunica", "comunique", "comuniquen", "conecta", "conecten", "transfiere", "deriva", "derive", "deriven", "hablarme", "marcar", "marque", "marquen", "marcarme", "llamase", "llamara", "llamasen", "llamaran", "llama", "llamen", "llamarme", "contacte", "contacten", "contactase", "atendiera", "atendiese", "charlar", "comunicar", "comunicarme", "comunicame", "comuniqueme", "comunican", "comunicas", "comunicarse", "comunicais", "transfieres", "transfieren", "transfiera", "transfieran", "derivas", "derivan", "pones", "conectas", "conectan", "pasais", "pasar", "pasen", "pongan", "pasame", "paseme", "pasas", "pasan", "pasarme", "poner", "ponme", "pongame", "ponerme", "ponen", "atienda", "atiendan", "atender", "atenderme", "contactar", "contactarme", "llame", "llamen", "llamarme", "llamadme", "derivar", "derivame", "derivarme", "escalar", "transferir", "transfiereme", "transferirme", "conectar", "conectame", "conectarme",
]);
// Wanting someone: a person word right after these is a request.
const WANT = new Set(["veux", "voudrais", "souhaite", "souhaiterais", "mochte", "quero", "queria", "gostaria", "preciso", "vorrei", "voglio", "need", "want", "prefer", "rather", "require", "request", "deseo", "desearia", "solicito", "pido", "quiero", "quisieramos", "necesito", "necesitaria", "quiero", "quisiera", "prefiero", "preferiria", "busco", "pido", "exijo"]);

// Words for a person on the business's side.
const PEOPLE = new Set([
  "person", "human", "humans", "agent", "agents", "someone", "somebody", "anyone", "anybody", "representative", "rep", "operator", "staff", "employee", "manager", "supervisor", "advisor", "adviser", "consultant", "specialist", "team", "member", "colleague", "colleagues", "representatives", "operators", "advisors", "advisers", "employees", "managers", "people", "individual", "receptionist", "reception", "dev", "executive", "humanos", "developer", "developers", "engineer", "technician", "sales", "salesperson", "support", "billing", "accounts", "office", "doctor", "nurse", "dentist", "owner", "boss", "somone", "sb", "pharmacist", "lawyer", "teacher", "tutor", "banker", "agency", "broker", "adjuster", "handler", "coordinator", "coordinators", "supervisors", "specialists", "consultants", "technicians", "receptionists", "nurses", "doctors", "teachers", "tutors", "lawyers", "planners", "planner",
  // French, German, Portuguese, Italian (the widget speaks them).
  "conseiller", "conseillere", "conseillers", "personne", "quelqu", "quelquun", "agent", "operateur", "operatrice", "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "jemand", "jemandem", "jemanden", "pessoa", "atendente", "alguem", "operatore", "operatrice", "qualcuno",
  "persona", "personas", "humano", "humana", "senorita", "senor", "chica", "chico", "agente", "agentes", "alguien", "representante", "operador", "operadora", "empleado", "empleada", "encargado", "encargada", "supervisor", "supervisora", "asesor", "asesora", "asesores", "responsable", "gerente", "ejecutivo", "ejecutiva", "ejecutivos", "trabajador", "companero", "gente", "especialista", "recepcion", "recepcionista", "secretaria", "secretario", "secretary", "tecnico", "tecnica", "comercial", "vendedor", "vendedora", "soporte", "administracion", "doctor", "doctora", "medico", "medica", "dentista", "jefe", "jefa", "dueno", "enfermera", "enfermero", "gestor", "gestora", "farmaceutico", "farmaceutica", "abogado", "abogada", "profesor", "profesora", "tutor", "tutora", "coordinador", "coordinadora", "perito", "mediador", "mediadora", "coordinadores", "coordinadoras", "supervisores", "especialistas", "tecnicos", "encargados", "gestores", "operadores", "empleados", "representantes", "trabajadores", "abogados", "profesores",
]);
// The professionals a business's customers deal with: a person asked for only after a verb of
// talking ("hablar con el veterinario que lo operó", "speak to the instructor") — "necesito un
// veterinario" or "I want a personal trainer" asks for the service, not for a chat with a person.
const PROFESSIONALS = new Set([
  "vet", "vets", "veterinarian", "veterinario", "veterinaria", "surgeon", "cirujano", "cirujana", "therapist", "physio", "physiotherapist", "terapeuta", "fisio", "fisioterapeuta", "psychologist", "psicologo", "psicologa", "instructor", "instructora", "trainer", "entrenador", "entrenadora", "coach", "mechanic", "mecanico", "accountant", "contable", "contador", "contadora", "monitor", "monitora", "landlord", "casero", "arrendador", "guide", "guia", "driver", "conductor", "chofer", "agente",
]);
// Phrases that mean it on their own.
const PHRASES = [
  "real person", "actual person", "escalate this", "escalate it", "escalar esto", "to a manager", "con un responsable", "con el responsable", "con un supervisor", "someone from your team", "someone on your team", "alguien del equipo", "alguien de atencion", "anyone there", "anybody there", "someone real", "a real one", "alguien real", "de carne y hueso", "enough bot", "stop the bot", "no more bot", "basta de bot", "ring me", "call me", "contact me", "get back to me", "gets back to me", "get back to us", "gets back to us", "alguien me responda", "alguien me conteste", "phone me", "me llamen", "me llame", "llamarme", "contactarme", "que me contacten", "me contacte", "me contacten", "put me through", "get me a", "get me someone", "get me an", "someone to talk to", "someone i can talk to", "real human", "actual human", "live person", "human being", "not a bot", "not a robot", "no bot", "stop the bot", "call me back", "give me a call", "give me a ring", "solicito una llamada", "pido una llamada", "quiero una llamada", "una llamada por favor", "over the phone", "por telefono con", "put me on with", "put me through", "pass me to", "person in charge", "someone in charge", "somebody in charge", "whos in charge", "who is in charge", "anyone in charge", "the one in charge", "put me in touch", "get me in touch", "ponerme en contacto con", "me pones en contacto", "me ponen en contacto", "me pongan en contacto", "me puedes poner en contacto", "me pueden poner en contacto", "me pone en contacto", "take over this chat", "take over the chat", "take over from you", "take this over", "anyone real", "anybody real", "someone on the phone", "somebody on the phone", "anyone on the phone", "person on the phone", "persona a cargo", "alguien a cargo", "quien esta a cargo", "el que esta a cargo", "la que esta a cargo", "alguien al telefono", "alguien por telefono", "devuelvan la llamada", "devuelva la llamada", "devolvais la llamada", "devolverme la llamada", "devolvernos la llamada", "me devuelva la llamada", "email me back", "message me back", "text me back", "write me back", "write back to me", "get in touch with me", "reach out to me", "que me escriba", "que me escriban", "escribanme", "escribidme", "escribame", "me escriba alguien", "me escriban ustedes", "pass me over", "pass me on", "hand me over", "transfer me", "ponganme con", "me comunica con", "me comunicas con",
  "persona real", "persona de verdad", "ser humano", "no un bot", "no un robot", "no quiero un bot", "no quiero hablar con un bot", "no quiero hablar con una maquina", "que me llamen", "me llamen", "me pueden llamar", "me podeis llamar", "con un agente", "con un asesor", "con un operador", "pasame con", "paseme con", "comunicame con", "ponme con", "me pasas con", "me pasa con", "me puedes pasar con", "quiero un humano", "agente humano", "persona humana", "connect me", "talk to a human", "speak to a human",
];
const PHRASE_WORDS = PHRASES.map((p) => p.split(" "));
// Names of the service that are requests only in a short message or after a verb of wanting or
// talking ("customer service please", "quiero atención al cliente") — not in "are your customer
// service hours the same on weekends?".
const SERVICE_PHRASES = ["customer service", "customer support", "customer care", "live agent", "live chat", "call center", "call centre", "atencion al cliente", "servicio al cliente", "soporte tecnico", "un agente", "una persona", "un asesor"].map((p) => p.split(" "));
// A call back is a request for a person however it is put ("can I get a callback?", "llamame xfa").
const CALLBACK = new Set(["callback", "llamame", "llamenme", "llamadme", "llameme", "marcame", "marquenme", "contactenme", "contactame"]);
// "is there an agent available?", "¿hay algún asesor en línea?"
const AVAILABLE = new Set(["available", "online", "around", "free", "there", "disponible", "disponibles", "linea", "conectado", "conectada", "ahi", "ahora", "now"]);
const EXISTS = [["is", "there"], ["are", "there"], ["hay"], ["any"], ["anyone"], ["anybody"], ["tienen"], ["do", "you", "have"]];
// Help from one of the business's people: "could one of your colleagues help me?"
const HELP = new Set(["help", "assist", "ayude", "ayuden", "ayudar", "ayudarme", "atiende", "atienda", "atiendan"]);
// After "speak"/"hablar", a language is a question about the staff, not a request to talk.
const LANGUAGES = new Set(["english", "spanish", "french", "german", "italian", "portuguese", "hindi", "arabic", "chinese", "mandarin", "cantonese", "japanese", "korean", "russian", "polish", "romanian", "dutch", "urdu", "turkish", "greek", "ukrainian", "sign", "ingles", "espanol", "castellano", "frances", "aleman", "italiano", "portugues", "catalan", "euskera", "gallego", "chino", "arabe", "japones", "ruso", "rumano", "polaco", "languages", "idiomas", "idioma", "language"]);
// Harmless uses of the person words that ANYWHERE would otherwise catch.
const NOT_A_REQUEST = /\b(human resources|recursos humanos|human error|error humano|human body|cuerpo humano|human rights|derechos humanos|human readable|legible por humanos|human nature|naturaleza humana|human papilloma\w*|papiloma humano|contact person|persona de contacto|persona autorizada|authori[sz]ed person|raza humana|human race|human grade|grado humano|consumo humano|human consumption|not human|no soy humano|no soy humana|soy humano|im human|i am human|not a robot|no soy un robot|worst customer service|terrible customer service|awful customer service|pesimo servicio|peor servicio)\b/;
// "is there a phone number I can call?", "¿hay algún teléfono al que pueda llamar?"
const PHONE_TO_CALL = /\b(phone|telephone|number|telefono|numero)\b.*\b(call|ring|llamar|llamaros|llamarles|llamarlos|marcar)\b/;

const NOUN_AFTER = new Set(["plan", "plans", "bill", "bills", "contract", "contracts", "case", "cases", "screen", "model", "models", "insurance", "repair", "repairs", "charger", "upgrade", "deal", "deals", "out", "centre", "center", "centres", "centers", "details", "info", "information", "form", "number", "numbers", "list", "card", "hours", "logs", "log", "history", "charges", "minutes", "quality"]);

// "someone stole my card", "alguien me ha robado": a person word that is not about talking.
const NOT_ABOUT_TALKING = new Set(["stole", "stolen", "used", "took", "hacked", "robo", "robado", "robaron", "uso", "usado", "hackeo", "entro"]);

// Contacting the customer in writing, said of a person: "someone email me back", "can an agent
// message me on whatsapp", "alguien me escriba".
const CONTACT = new Set(["email", "mail", "message", "text", "whatsapp", "dm", "write", "escriba", "escriban", "escribir", "escribirme", "mande", "manden"]);
// "transfer money to another person", "pasar dinero a otra persona": things moved to a person, not talking.
const OBJECTS = new Set(["money", "funds", "cash", "payment", "payments", "credit", "balance", "points", "minutes", "data", "files", "file", "documents", "dinero", "plata", "pasta", "lana", "guita", "saldo", "fondos", "pago", "pagos", "puntos", "datos", "archivos", "archivo", "documentos", "megas", "gigas"]);
// A question about what talking to someone costs ("is there a fee to talk to an advisor?").
const PRICE = /\b(fee|fees|cost|costs|costing|price|prices|pricing|how much|cuanto|cuanta|precio|precios|tarifa|coste|costo|gratis|gratuito|gratuita|free of charge|for free|is it free)\b/;
// "the number where a person actually answers", "un número donde te atienda alguien".
const ANSWERED_BY = /\b(where|that|donde|que|en el que|en la que)( \w+)?( \w+)? (a person|a human|someone|somebody|a real person|an actual person|alguien|una persona|un humano)( \w+)? (answers|answer|picks up|pick up|contesta|conteste|atiende|atienda|responde|responda|coge|coja)\b/;
// "with a person, not you", "con alguien de verdad, no contigo".
const NOT_YOU = /\b(person|human|someone|somebody|agent|persona|alguien|humano|agente)( real| de verdad| actual)? (not|no) (you|u|a bot|the bot|a machine|a robot|tu|vos|contigo|un bot|el bot|una maquina|un robot|con el bot|con un bot)\b/;
// Between "I need" and a person word only these may stand ("I need to speak to a person"); any
// other word makes the person a modifier ("necesito orden del médico", "I need a note from the doctor").
const BRIDGE = new Set(["a", "an", "the", "un", "una", "el", "la", "al", "some", "one", "of", "your", "ur", "real", "actual", "live", "proper", "de", "verdad", "help", "ayuda", "assistance", "atencion", "contact", "contacto", "chat", "call", "llamada", "phone", "telefono", "por", "by", "on", "someone", "alguien", "otra", "otro", "another", "other", "different", "distinto", "distinta", "human", "humano"]);

// Person words that are also adjectives, as they are after a noun: "revisión técnica", "cita
// médica", "ficha técnica", "área comercial" — not "hablar con el técnico".
const ADJECTIVAL = new Set(["tecnica", "tecnico", "tecnicas", "tecnicos", "medica", "medico", "medicas", "medicos", "comercial", "comerciales", "humana", "humano"]);
const DETERMINERS = new Set(["el", "la", "los", "las", "un", "una", "al", "del", "con", "a", "otro", "otra", "algun", "alguna", "ese", "esa", "su", "tu", "mi", "vuestro", "vuestra", "de", "the", "an", "some", "your"]);
function adjectival(words: string[], j: number): boolean {
  const prev = words[j - 1];
  return ADJECTIVAL.has(words[j]) && prev !== undefined && !DETERMINERS.has(prev) && !VERBS.has(prev) && !WANT.has(prev) && !POLITE.has(prev);
}

function hasPhrase(words: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) if (phrase.every((w, k) => words[i + k] === w)) return true;
  return false;
}

// "real estate agent", "my travel agent", "la persona de la tienda": not the business's people.
const MODIFIERS = new Set(["per", "each", "every", "extra", "additional", "adicional", "estate", "travel", "insurance", "shipping", "customs", "booking", "my", "his", "her", "their", "our", "this", "that", "mi", "su", "tu", "esa", "esta", "otra", "cada", "por"]);

// A word that names a person on its own, wherever it stands ("human please, order 4242").
const ANYWHERE = new Set(["human", "humans", "humano", "humana", "humain", "humaine", "mensch", "menschen", "umano"]);
const EDGE = new Set(["conseiller", "conseillere", "personne", "mitarbeiter", "pessoa", "atendente", "operatore", "agent", "agente", "operator", "operador", "operadora", "representative", "asesor", "asesora", "person", "persona"]);

const JOINING = new Set(["de", "to", "who", "that", "i", "we", "can", "could", "would", "please", "pls", "actually", "really", "just", "realmente", "verdad", "que", "me", "nos", "puede", "pueden", "podria", "podrian", "porfa", "con", "quien", "pueda", "puedo", "podamos", "for", "para", "se"]);
const COUNTING = new Set(["how", "many", "cuantas", "cuantos", "more", "mas", "other", "otra", "otras", "otro", "otros", "extra", "additional", "adicional", "new", "nueva", "nuevo"]);

// Words that may follow "human" when it names the person asked for ("human please", "a human
// agent", "human being"); any other noun after it makes it an adjective ("human papillomavirus").
const HUMAN_NEXT = new Set(["working", "online", "around", "left", "anywhere", "somewhere", "at", "answering", "typing", "reading", "behind", "being", "beings", "agent", "agents", "person", "people", "rep", "reps", "representative", "operator", "support", "assistance", "help", "helper", "contact", "interaction", "response", "reply", "service", "staff", "employee", "here", "there", "available", "instead", "now", "asap", "immediately", "please", "pls", "plz", "thanks", "thank", "needed", "required", "only", "already", "again", "to", "who", "that", "i", "and", "or", "with", "on", "in", "at", "for", "not", "rn", "u", "you", "me", "ya", "por", "que", "con", "de", "ahora", "ya", "porfa", "favor", "urgente", "y", "o", "no", "real", "de verdad", "al", "en", "para", "ahi", "aqui", "disponible", "me", "se", "is", "are", "can", "could", "would", "will", "being"]);
// Before "humano", these make it a person ("agente humano", "un humano"); after another noun it is
// an adjective ("virus del papiloma humano").
const HUMANO_BEFORE = new Set(["un", "una", "algun", "alguna", "el", "la", "con", "ser", "agente", "persona", "trato", "contacto", "atencion", "asesor", "asesora", "operador", "operadora", "ejecutivo", "representante", "soporte", "ayuda", "quiero", "necesito", "prefiero", "a", "otro", "de", "por", "algo", "mas", "solo", "al", "asistencia", "respuesta", "interaccion", "apoyo", "personal", "equipo"]);

function adjectiveUse(words: string[], i: number): boolean {
  const w = words[i];
  if (w === "human" || w === "humans") {
    const next = words[i + 1];
    return next !== undefined && next.length > 2 && !HUMAN_NEXT.has(next) && !POLITE.has(next);
  }
  const prev = words[i - 1];
  return prev !== undefined && prev.length > 3 && !HUMANO_BEFORE.has(prev) && !VERBS.has(prev) && !WANT.has(prev);
}

// Person words worth correcting a typo in ("agnet", "humen", "opertor", "asesro").
const TYPO_TARGETS = ["human", "agent", "agente", "humano", "operator", "operador", "asesor", "representative", "representante", "person", "persona", "someone", "alguien"];
const NEAR_MISSES = new Set(["personal", "personas", "someones", "humanity", "humane", "agents", "urgent", "prison", "persons", "asesora", "operadora", "humana", "humanos", "agentes"]);

function fixTypo(w: string): string {
  if (w.length < 5 || NEAR_MISSES.has(w) || TYPO_TARGETS.includes(w) || PEOPLE.has(w)) return w;
  for (const t of TYPO_TARGETS) if (Math.abs(t.length - w.length) <= 1 && damerau1(w, t)) return t;
  return w;
}

/** Whether a and b differ by one insertion, deletion, substitution or swap of neighbours. */
function damerau1(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < l.length; i++) if (l.slice(0, i) + l.slice(i + 1) === s) return true;
  return false;
}

// Chat shorthand: "ke me pasen con alguien d verdad", "q me llamen".
const SHORTHAND: Record<string, string> = { ke: "que", q: "que", k: "que", d: "de", xq: "porque", pq: "porque", x: "por" };

// Asking for the business's own contact channel: "give me your phone number", "deme el teléfono de
// la oficina", "¿cuál es el correo de atención al cliente?" — a way to reach a person.
const CHANNEL = "(phone|phone number|telephone|telephone number|number|contact number|email|e mail|email address|mail|whatsapp|telefono|numero|numero de telefono|correo|correo electronico|mail|email)";
const OWN_CHANNEL = new RegExp(
  "^(give me|send me|can i have|can i get|could i have|could i get|what is|whats|dame|deme|denme|pasame|paseme|pasenme|me das|me da|me dan|me pasas|me pasa|me pasan|me puede dar|me puedes dar|me podes dar|cual es|cual seria)" +
    "( the| el| la| un| una| your| ur| vuestro| vuestra| su| office| support| customer service| contact| helpline| de contacto)* " +
    CHANNEL +
    "( address| de contacto)?" +
    "( (de|del|para|for|of|to) (la |el |the |your |vuestra |vuestro |su )?(oficina|office|atencion al cliente|servicio al cliente|customer service|support|soporte|contacto|atencion|reclamos|reclamaciones|quejas|complaints|la empresa|the company|ustedes|vosotros|la tienda|the shop|the store|sales|ventas|billing|facturacion))?" +
    "( please| pls| porfa| por favor)?( (para|so|y|and|porque|because|que|to (call|contact|reach|write|email)) .*)?$",
);
// Someone else's call ("can the delivery driver call me when he gets here?") is not a request.
const THIRD_PARTY = new Set(["driver", "courier", "rider", "postman", "delivery", "repartidor", "repartidora", "mensajero", "mensajera", "cartero", "chofer", "conductor", "taxi", "uber", "installer", "instalador", "neighbour", "neighbor", "vecino", "vecina"]);

// Writing, not talking: "can someone email me back", "que me escriba alguien por correo".
const IN_WRITING = /\b(email|emails|emailed|e mail|mail|correo|correos|mailear|write|writes|written|escrib\w*|whatsapp|whatsappeen|text me|message me)\b/;
const BY_VOICE = /\b(call|calls|phone|ring|llam\w*|telefono|telefonear|talk|speak|hablar|chat|chatear)\b/;

// Person words that name a department or a group rather than someone to review a case.
const DEPARTMENTS = new Set(["people", "gente", "team", "office", "support", "billing", "accounts", "sales", "reception", "recepcion", "administracion", "soporte"]);

/** Whether the message names someone on the business's side ("que alguien me revise el caso"). */
export function mentionsPerson(text: string): boolean {
  return normalizeText(text)
    .split(" ")
    .some((w) => PEOPLE.has(w) && !DEPARTMENTS.has(w));
}

/** A request for a person to write to the customer (an e-mail back) rather than to chat or call. */
export function asksToBeWrittenTo(text: string): boolean {
  const joined = normalizeText(text);
  return IN_WRITING.test(joined) && !BY_VOICE.test(joined) && asksForPerson(text);
}

/** "give me your phone number", "¿cuál es el correo de atención al cliente?": a way to reach a person, which the FAQ may already give. */
export function asksForContactChannel(text: string): boolean {
  const words = normalizeText(text).split(" ").filter(Boolean);
  return words.length <= 20 && OWN_CHANNEL.test(words.map((w) => SHORTHAND[w] ?? w).join(" "));
}

// "¿me podéis escribir un correo?", "can you guys email me back?": the business asked to write to
// the customer, with nothing to send (not "can you email me the invoice").
const WRITE_TO_ME = /^(y |and |oye |hola |hi |hey |so |ok |vale |bueno )*((me|nos) (podeis|pueden|podrian|podriais|puede|podria|podes|puedes|podrias) (escribir|mandar|enviar)( un| una)? (correo|email|mail|e mail|mensaje)( electronico)?|(me|nos) (escriben|escribis|escribe|escribes) (un |una )?(correo|email|mail|e mail)|(can|could) (you|you guys|u|someone|somebody) (please )?(email|e mail|mail|write to|write|message) (me|us)( back)?)( por favor| please| pls| porfa)?$/;

export function asksForPerson(text: string): boolean {
  const words = normalizeText(text)
    .split(" ")
    .filter(Boolean)
    .map((w) => SHORTHAND[w] ?? w);
  if (words.length === 0) return false;
  const joined = words.join(" ");
  if (NOT_A_REQUEST.test(joined)) return false;
  if (WRITE_TO_ME.test(joined)) return true;
  if (asksForContactChannel(text)) return true;
  const call = words.findIndex((w) => ["call", "ring", "phone", "contact", "llame", "llamen", "llamar", "contacte", "llamara"].includes(w));
  if (call > 0 && words.slice(Math.max(0, call - 3), call).some((w) => THIRD_PARTY.has(w))) return false;
  if (NOT_YOU.test(joined) || (ANSWERED_BY.test(joined) && /\b(phone|number|line|telephone|telefono|numero|linea)\b/.test(joined))) return true;
  if (words.some((w, i) => ANYWHERE.has(w) && !adjectiveUse(words, i))) return true;
  // "speak to humen", "agnet please": a typo of a person word.
  const fixed = words.map((w) => fixTypo(w));
  if (fixed.some((w, i) => w !== words[i])) return asksForPerson(fixed.join(" "));
  if (PHONE_TO_CALL.test(joined) && words.length <= 12) return true;
  if (words.some((w) => CALLBACK.has(w)) || hasPhrase(words, ["call", "back"]) || hasPhrase(words, ["ring", "back"])) return true;
  // "agent please", "asesor por favor": a person word opening or closing a short message.
  const core = words.filter((w) => !POLITE.has(w));
  const last = core.at(-1) ?? "";
  const beforeLast = core.at(-2) ?? "";
  if (words.length <= 8 && (EDGE.has(words[0]) || (EDGE.has(last) && !MODIFIERS.has(beforeLast) && !MODIFIERS.has(words.at(-2) ?? "")))) return true;
  if (ALONE.has(words.join(" ")) || (core.length > 0 && core.length <= 2 && ALONE.has(core.join(" ")))) return true;
  if (words.some((w) => NOT_ABOUT_TALKING.has(w))) return false;
  if (PHRASE_WORDS.some((p) => hasPhrase(words, p))) return true;
  const wantsBefore = (k: number) => words.slice(0, k).some((w) => WANT.has(w) || VERBS.has(w));
  for (const p of SERVICE_PHRASES) {
    for (let i = 0; i + p.length <= words.length; i++) {
      if (!p.every((w, k) => words[i + k] === w)) continue;
      if (core.length <= 4 || wantsBefore(i)) return true;
    }
  }
  // "book a demo with one of your people", "que me llame alguien de vuestro equipo"
  for (let i = 0; i + 2 < words.length; i++) {
    if (!["one", "some", "someone", "somebody", "alguien", "uno", "una", "alguno", "alguna"].includes(words[i])) continue;
    const k = words[i + 1] === "of" || words[i + 1] === "from" || words[i + 1] === "de" ? i + 2 : -1;
    if (k < 0 || !["your", "ur", "you", "vuestro", "vuestros", "vuestra", "su", "sus", "tu", "tus", "the"].includes(words[k])) continue;
    if (words.slice(k + 1, k + 3).some((w) => PEOPLE.has(w))) return true;
  }
  // "get me support staff", "get me someone who knows"
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === "get" && words[i + 1] === "me" && words.slice(i + 2, i + 5).some((w) => PEOPLE.has(w))) return true;
  // "is anyone actually there?", "are you guys even there", "hay alguien ahí?"
  for (let i = 0; i + 1 < words.length; i++) {
    if (!["anyone", "anybody", "someone", "somebody", "alguien"].includes(words[i])) continue;
    // Opening the message only as a question ("anyone there?"), not "someone there told me…".
    if (i > 0 ? !["is", "are", "hay", "r"].includes(words[i - 1]) : !["anyone", "anybody"].includes(words[i]) && words.length > 3) continue;
    const rest = words.slice(i + 1, i + 4).filter((w) => !["actually", "really", "even", "still", "out", "real", "de", "verdad", "realmente"].includes(w));
    if (["there", "here", "ahi", "alli", "aqui"].includes(rest[0] ?? "")) return true;
  }
  // "is there a real agent available", "¿hay alguna persona disponible?"
  for (const e of EXISTS) {
    for (let i = 0; i + e.length <= words.length; i++) {
      if (!e.every((w, k) => words[i + k] === w)) continue;
      const after = words.slice(i + e.length, i + e.length + 4);
      const p = after.findIndex((w) => PEOPLE.has(w));
      if (p < 0) continue;
      const tail = words.slice(i + e.length + p + 1);
      if (tail.length === 0 || tail.slice(0, 4).some((w) => AVAILABLE.has(w))) return true;
    }
  }
  // "could one of your colleagues help me instead?"
  for (let i = 0; i < words.length; i++) {
    if (!PEOPLE.has(words[i]) || ["someone", "somebody", "anyone", "anybody", "alguien", "people", "gente", "team"].includes(words[i])) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 4); j++) if (HELP.has(words[j]) && (words[j + 1] === "me" || words[j - 1] === "me")) return true;
  }
  const price = PRICE.test(joined);
  for (let i = 0; i < words.length && !price; i++) {
    if (!VERBS.has(words[i])) continue;
    // "call centre" and "contact details" are names, not verbs; nor is a "video call".
    if (NOUN_AFTER.has(words[i + 1] ?? "") || ["video", "conference"].includes(words[i - 1] ?? "")) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 7); j++) {
      // "spanish-speaking staff", "staff who speak French": a question about the staff.
      if (LANGUAGES.has(words[j]) || OBJECTS.has(words[j])) break;
      if ((PEOPLE.has(words[j]) && !adjectival(words, j)) || (PROFESSIONALS.has(words[j]) && !MODIFIERS.has(words[j - 1]))) return true;
    }
  }
  // "I need someone from billing", "quiero una persona", "prefiero alguien del equipo"
  for (let i = 0; i < words.length; i++) {
    if (!WANT.has(words[i])) continue;
    // Further away only with a verb of talking between ("prefiero hablarlo por teléfono con alguien").
    const reach = words.slice(i + 1, i + 5).some((w) => VERBS.has(w)) ? 7 : 4;
    for (let j = i + 1; j < Math.min(words.length, i + reach); j++) {
      if (PEOPLE.has(words[j]) && !MODIFIERS.has(words[j - 1]) && !adjectival(words, j)) return true;
      const w = words[j];
      // (Infinitives may stand there too: "quiero chatear con alguien".)
      if (!BRIDGE.has(w) && !VERBS.has(w) && !JOINING.has(w) && !POLITE.has(w) && !STOPWORDS.has(w) && !/(ar|er|ir)$/.test(w)) break;
    }
  }
  // "me puede escribir al correo una persona", "can you email me someone from billing"
  for (let i = 1; i < words.length; i++) {
    if (!CONTACT.has(words[i]) || !["me", "nos", "us"].some((x) => words[i - 1] === x || words[i - 2] === x || words[i + 1] === x)) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 6); j++) if (PEOPLE.has(words[j]) && !adjectival(words, j) && !["people", "gente"].includes(words[j])) return true;
  }
  // "una persona que me atienda", "someone to talk to", "alguien con quien hablar" — only small
  // joining words between, and not "staff who speak English" or "how many people can I add".
  for (let i = 0; i < words.length; i++) {
    if (!PEOPLE.has(words[i]) || COUNTING.has(words[i - 1] ?? "")) continue;
    for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
      if (CONTACT.has(words[j]) && (["me", "us", "nos", "back"].some((x) => words[j + 1] === x || words[j - 1] === x) || ["can", "puedo", "pueda"].includes(words[j - 1]))) return true;
      if (VERBS.has(words[j]) && !price) {
        if (!LANGUAGES.has(words[j + 1] ?? "")) return true;
        break;
      }
      if (!JOINING.has(words[j])) break;
    }
  }
  return false;
}
