// The bot's decision for a customer message in a conversation (lib/dialogue), on the demo FAQ:
// what customers of the demo shop actually write, small talk, off-topic questions, requests for a
// person, follow-ups and the customer's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedTenantModel } from "@/lib/training";
import { DEMO_FAQ } from "@/lib/seed/demo-faq";
import { messageLanguage, type BotKnowledge, type TurnDecision } from "@/lib/dialogue/decide-turn";
import { handoffFor } from "@/lib/dialogue/policy";
import { offTopicMarker } from "@/lib/dialogue/offtopic";
import { knowledgeFor, playConversation } from "./play";
import { detectSmallTalk } from "@/lib/dialogue/smalltalk";

let model: LoadedTenantModel;
let knowledge: BotKnowledge;

beforeAll(async () => {
  ({ model, knowledge } = await knowledgeFor(DEMO_FAQ));
}, 60_000);

afterAll(async () => {
  await model?.dispose();
});

const play = (...texts: string[]): Promise<TurnDecision[]> => playConversation(knowledge, texts);
const one = async (text: string) => (await play(text))[0];

describe("answers in the customer's own words", () => {
  it.each([
    ["do you ship for free?", "shipping-cost"],
    ["can i pay with apple pay", "payment-methods"],
    ["wrong address on my order!!", "change-address"],
    ["¿cuánto tarda en llegar?", "envio-tiempo"],
    ["hola, se puede pagar con paypal?", "metodos-pago"],
  ])("%j → %s", async (text, key) => {
    const d = await one(text);
    expect(d).toMatchObject({ kind: "answer", key });
  });

  it("offers the right entry, in the customer's language, when it is not sure", async () => {
    const d = await one("¿me podéis devolver el dinero?");
    expect(d.kind === "answer" || d.kind === "suggest").toBe(true);
    const keys = d.kind === "answer" ? [d.key] : d.kind === "suggest" ? d.keys : [];
    expect(keys.some((k) => k === "devoluciones" || k === "reembolso-plazo")).toBe(true);
    for (const k of keys) expect(DEMO_FAQ.find((e) => e.key === k)?.language).toBe("es");
    expect(d.language).toBe("es");
  });

  it("reads an elliptical follow-up with the previous question", async () => {
    const [, second] = await play("¿cuánto cuesta el envío?", "¿y cuánto tarda?");
    // ("cuánto tarda" is nearly the entry's own phrasing, so it may be answered on its own words.)
    expect(second).toMatchObject({ kind: "answer", key: "envio-tiempo" });
  });

  it("takes a thank-you with a remark that points back as small talk, and 'ok, and …' as a follow-up", async () => {
    for (const closing of ["found it in spam 🙄 thanks", "ok it just arrived lol thanks"]) {
      const [first, thanks] = await play("where is my order? i have no tracking email", closing);
      expect(first).toMatchObject({ kind: "answer", key: "track-order" });
      expect(thanks).toMatchObject({ kind: "smalltalk", intent: "thanks" });
    }
    const [, more] = await play("¿cuánto cuesta el envío?", "vale, ¿y cuánto tarda?");
    expect(more).toMatchObject({ kind: "answer", key: "envio-tiempo" });
  });

  it("keeps a short question that stands on its own out of the previous topic", async () => {
    const [, second] = await play("cuanto cuesta el envio", "¿aceptan bizum?");
    expect(second).toMatchObject({ kind: "answer", key: "metodos-pago", followup: false });
  });
});

describe("small talk, never a failure and never queued", () => {
  it.each([
    ["hello", "greeting"],
    ["hi there!", "greeting"],
    ["thanks!", "thanks"],
    ["muchas gracias", "thanks"],
    ["bye", "goodbye"],
    ["are you a bot?", "bot"],
    ["¿eres un robot?", "bot"],
    ["what can you do?", "capabilities"],
    ["ok", "ack"],
    ["vale, perfecto", "ack"],
    ["you are useless", "insult"],
    // In the customer's own words, not in the phrase lists.
    ["you're a bot aren't you", "bot"],
    ["persona o máquina??", "bot"],
    ["esto lo responde una máquina?", "bot"],
    ["what kind of questions can you answer", "capabilities"],
    ["¿qué temas manejas?", "capabilities"],
    ["ur so dumb", "insult"],
    ["qué bot tan malo", "insult"],
    ["hows ur day going", "howareyou"],
    ["thx a lot", "thanks"],
    ["is there an actual human typing this", "bot"],
    ["are you able to process refunds or just answer questions?", "capabilities"],
    ["a toddler would be more helpful than you", "insult"],
    ["gotta go", "goodbye"],
    ["be honest, are you a real human being or not", "bot"],
    ["de que temas sabes", "capabilities"],
    ["como me podes ayudar vos", "capabilities"],
    ["q sabes hacer", "capabilities"],
    ["everything good with you?", "howareyou"],
    ["thanks, that answers my question", "thanks"],
    ["gracias, eso me sirvió mucho", "thanks"],
    // a blind probe's misses (probe4)
    ["hi, thanks for getting back to me so fast", "thanks"],
    ["signing off", "goodbye"],
    ["so what are you good for", "capabilities"],
    ["you're a waste of space", "insult"],
    ["me responde una inteligencia artificial?", "bot"],
    ["me dices qué cosas puedes resolver?", "capabilities"],
    ["que se te puede preguntar", "capabilities"],
    // the blind dev4 dialogues
    ["hey what can u do", "capabilities"],
    ["whatever. bye", "goodbye"],
    ["puta que eri lento", "insult"],
    ["hola, como estai?", "howareyou"],
    ["how are you keeping?", "howareyou"],
    // the blind probe5
    ["is a machine answering me", "bot"],
    ["me está contestando una máquina?", "bot"],
    ["en qué me puede colaborar", "capabilities"],
    ["eres gafo o qué", "insult"],
    ["are you having a good day?", "howareyou"],
    ["how you feeling today bot", "howareyou"],
    ["cómo te sientes hoy", "howareyou"],
    // the blind dev6 dialogues: a complaint aimed at the business
    ["honestly your policy is heartless", "insult"],
    // the blind dev7 dialogues
    ["you're not a real person right", "bot"],
    ["hola que tal, que pueden hacer por mi", "capabilities"],
  ])("%j → %s", async (text, intent) => {
    const d = await one(text);
    expect(d).toMatchObject({ kind: "smalltalk", intent });
    expect(handoffFor(d, 3)).toBeNull();
  });

  it("peels a greeting off a real question", async () => {
    expect(await one("hi! how much does shipping cost?")).toMatchObject({ kind: "answer", key: "shipping-cost" });
  });

  it("keeps a question that follows small talk a question (probe5, dev8)", async () => {
    for (const text of ["hola cómo estás, me dices el horario de atención?", "epa, a qué hora cierran hoy?", "are you real estate agents too or just mortgages", "ya, igual dime si llegan a alboraya"]) {
      expect((await one(text)).kind).not.toBe("smalltalk");
    }
  });
});

describe("weather", () => {
  it("is off-topic, unless the FAQ talks about the weather in any words", async () => {
    expect(offTopicMarker("is it going to rain tomorrow in valencia", new Set(["shipping"]))).toBe("rain");
    expect(offTopicMarker("y si llueve que onda", new Set(["plan", "lluvia"]))).toBeNull();
  });
});

describe("off-topic questions are declined, not queued", () => {
  it.each(["what's the weather in London?", "¿quién ganó el mundial?", "tell me a joke", "what's the meaning of life", "whats 15% of 230"])("%j", async (text) => {
    const d = await one(text);
    expect(d.kind).toBe("offtopic");
    expect(handoffFor(d, 0)).toBeNull();
  });
});

describe("questions that only look like small talk", () => {
  it.each([
    // "tanto" is a word of its own, not a typo of "tonto"
    "me puedes ayudar a entender por que mi factura de luz subio tanto?",
    // the customer's own bot, not this chat
    "como configuro un bot de respuestas automaticas en su plataforma?",
    "thanks for replying, but where is my refund",
    // five-letter words have real neighbours: "monto" is not "tonto"
    "desde que monto?",
  ])("%j", (text) => {
    const s = detectSmallTalk(text);
    expect(s.intent).toBeNull();
    expect(s.intents).not.toContain("insult");
  });
});

describe("what only looks off-topic", () => {
  it.each([
    ["cuánto es dos más dos", "arithmetic"],
    ["cuanto es 7 x 8", "arithmetic"],
    ["what's two plus two", "arithmetic"],
    ["y la consulta normal cuanto es", null],
    ["cuánto es la comisión por entrada?", null],
    ["tenéis 2x1 en entradas?", null],
    ["hay 2 por 1 los martes?", null],
  ])("%j → %j", (text, marker) => {
    expect(offTopicMarker(text, new Set(), "")).toBe(marker);
  });

  it("a dish is off-topic even where the FAQ's 'receta' is a prescription", () => {
    expect(offTopicMarker("receta de tortilla de patatas", new Set(["receta"]), "")).toBe("tortilla");
  });
});

describe("requests for a person always reach the queue", () => {
  it.each(["I want to talk to a person", "agent please", "quiero hablar con un humano", "¿me pasas con alguien del equipo?", "can someone call me back?"])("%j", async (text) => {
    const d = await one(text);
    expect(d.kind).toBe("human");
    expect(handoffFor(d, 0)).toBe("customer_request");
  });

  it("does not mistake a question about the bot for a request", async () => {
    expect((await one("are you a real person?")).kind).toBe("smalltalk");
  });
});

describe("the customer's language", () => {
  it("keeps the conversation's language for very short messages", () => {
    expect(messageLanguage("ok", "es", "en")).toBe("es");
    expect(messageLanguage("pedido", "es", "en")).toBe("es");
  });

  it("keeps the conversation's language when detection is undecided and the FAQ's words lean the other way", () => {
    // "use" is in the English FAQ; "o sea", "me", "lo que" are Spanish (the blind dev6 dialogues).
    expect(messageLanguage("ah o sea no me cobran lo que no use?", "es", "en", "en")).toBe("es");
  });

  it("follows a clear switch", () => {
    expect(messageLanguage("how long does shipping take", "es", "en")).toBe("en");
  });

  it("follows a switch in everyday words the built-in lists do not have", () => {
    // Common English words known to no other language's list (the pretrained vocabulary's ranks).
    expect(messageLanguage("tell me a joke", "es", "es")).toBe("en");
    expect(messageLanguage("gimme something funny", "es", "es")).toBe("en");
    expect(messageLanguage("cuéntame un chiste", "en", "en")).toBe("es");
    expect(messageLanguage("la app no funciona", "en", "en")).toBe("es");
    // Spanish with an English loanword stays Spanish.
    expect(messageLanguage("necesito el link del tracking", "es", "es")).toBe("es");
  });

  it("uses the FAQ's own words when the detector cannot tell", () => {
    expect(messageLanguage("envio gratis", null, "en", model.guessLanguage("envio gratis"))).toBe("es");
  });
});

describe("an in-domain question the FAQ does not cover", () => {
  it("gets an honest 'I don't know' rather than choices the bot gives almost no chance", async () => {
    const d = await one("do you sell gift cards for birthdays?");
    if (d.kind === "suggest") expect(d.understanding.probability ?? 1).toBeGreaterThanOrEqual(0.05);
    else expect(["unknown", "offtopic"]).toContain(d.kind);
  });
});

describe("asking for the business's phone number or e-mail", () => {
  const contact = [
    { key: "contact", language: "en", category: "Contact", question: "How can I contact you?", alternatives: ["what is your phone number", "customer service email"], answer: "Call us on +34 910 123 456 (Mon–Fri 9–18) or write to help@example.com." },
    { key: "change-phone", language: "en", category: "Account", question: "How do I change my phone number?", alternatives: ["update my phone number"], answer: "Go to Settings → Profile and edit your phone number." },
    { key: "shipping", language: "en", category: "Shipping", question: "How long does shipping take?", alternatives: ["delivery time"], answer: "3–5 working days." },
  ];

  it("gets the FAQ's contact entry when it has one, and a person otherwise", async () => {
    const withContact = await knowledgeFor(contact);
    const without = await knowledgeFor(contact.slice(1));
    try {
      expect((await playConversation(withContact.knowledge, ["give me your phone number"]))[0]).toMatchObject({ kind: "answer", key: "contact" });
      // "change my phone number" is about the customer's own number: never the answer to this.
      expect((await playConversation(without.knowledge, ["give me your phone number"]))[0]).toMatchObject({ kind: "human" });
    } finally {
      await withContact.model.dispose();
      await without.model.dispose();
    }
  }, 60_000);
});
