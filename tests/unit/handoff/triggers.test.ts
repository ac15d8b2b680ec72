// Which customer messages bring a person in: asking for one (Spanish and English, with or
// without accents and punctuation) and frustration (insults, complaints, shouting, repeating).
import { describe, expect, it } from "vitest";
import { asksForHuman, asksToBeWrittenTo, frustrationSignal } from "@/lib/handoff/triggers";

describe("asking for a person", () => {
  it.each([
    "quiero hablar con un agente",
    "Quiero hablar con una persona, por favor",
    "¿Me pasas con un humano?",
    "PÁSAME CON ALGUIEN DE ATENCIÓN AL CLIENTE",
    "human please",
    "Can I talk to a person?",
    "I want to speak to an agent!",
    "get me a real person",
    "is there a real agent available",
    "¿hay alguna persona disponible?",
    "can i get a callback?",
    "llámenme por favor",
    "me comunica con un ejecutivo",
    "could one of your colleagues help me instead?",
    "put me on with an advisor",
    "is there a phone number I can call",
    "deseo ser atendido por un ejecutivo",
    "prefiero hablarlo por teléfono con alguien",
    "is there anyone i can actually talk to?",
    // typos of the person word, "in charge", taking over the chat, call-backs in Spanish
    "speak to humen",
    "agnet please",
    "i want to complain to someone in charge",
    "hello? can a person take over this chat",
    "can i get someone on the phone",
    "necesito que me devuelvan la llamada",
    "puedo hablar con una enfermera?",
    "quiero hablar con un gestor sobre mi cuenta",
    "any real humans working today? need one",
    "quiero asistencia humana",
    // the other languages the widget speaks
    "je veux parler à une personne",
    "un conseiller svp",
    "ich möchte mit einem Mitarbeiter sprechen",
    "quero falar com um atendente",
    "vorrei parlare con un operatore per favore",
    // the professional who treated them; "is anyone there?" in its variants
    "necesito hablar con el veterinario q lo opero, me pasas?",
    "can i speak to the instructor about my level",
    "is anyone actually there or is it all robots",
    "hay alguien ahi?",
    // a blind probe's misses (probe4): contact in writing, a person "not you", conjugations
    "can someone email me back about this",
    "can a real agent message me on whatsapp instead",
    "que me escriba alguien por correo",
    "give me a phone number where a person actually answers",
    "I need to raise a complaint with a person, not you",
    "che, hay alguien de verdad para hablar?",
    "me transfieres con soporte?",
    // the blind dev5 dialogues: a complaint about a charge, a person to write to me
    "I want a supervisor RIGHT NOW, you charged me twice for the same ride",
    "me puede escribir al correo una persona con toda la info? no quiero seguir con el chat",
    "quiero chatear con alguien de soporte",
    // the blind probe5: the business's own contact channel, chat shorthand
    "give me your phone number",
    "deme el teléfono de la oficina",
    "cuál es el correo de atención al cliente",
    "ke me pasen con alguien d verdad",
    // the blind dev6 dialogues
    "could you put me in touch with the catering manager directly please",
    "i'd rather speak to one of your coordinators on the phone",
    // the blind dev7 dialogues
    "is there someone i can email about a company account for my office",
    "is there an email address i can write to so someone gets back to me about a group of 20 from my company",
    "quiero hablar con un contador de verdad",
    "denme un correo para mandar los papeles y que alguien me revise el caso",
  ])("recognises “%s”", (text) => {
    expect(asksForHuman(text)).toBe(true);
  });

  it.each(["How long does shipping take?", "¿Cuánto cuesta el envío?", "humane treatment of animals", "is this agented?", "personal data policy", "are your customer service hours the same on weekends?", "do you have staff who speak english at the clinic", "¿cuántas personas puedo poner en la reserva?", "como agrego una persona autorizada a mi tarjeta", "cuantos huesos tiene el cuerpo humano", "do you have human-readable invoices", "do you sell human-grade dog food?", "la app me dice que no soy humano y no me deja entrar, que hago?", "do your staff speak hindi at the delhi branch?", "hay alguien en recepcion de madrugada para hacer el check in?", "do i need to be present when the technician comes or can my neighbour let him in?", "worst customer service ever", "hi! is the human papillomavirus vaccine available at your clinic", "la vacuna del virus del papiloma humano la ponen ahi?", "can i name someone else as a contact person on my electricity account", "does your call centre have spanish speaking staff", "can i update my personal details online", "necesito un veterinario para mi perro", "I want a personal trainer", "can i talk to my trainer about changing the plan", "someone there told me refunds take 5 days", "quiero cambiar el contador", "is there a fee to talk to a financial advisor or is it free for customers?", "can i transfer money to another person using just their phone number?", "puedo transferir plata a otra persona solo con su numero de celular?", "how much is the call out fee for a boiler engineer?", "can i have a video call with the doctor instead of coming in?", "can you email me the invoice", "buenas, necesito orden del medico para ver al especialista?", "mi auto tiene que pasar la revision tecnica y la tengo vencida, ustedes me lo pueden llevar?", "what's the phone plan for two people", "can the delivery driver call me when he gets here?", "hay un telefono para reclamos?", "qué pasa si la persona a la que le transferí no cobra el giro?", "what is the number of days i have to return it", "cual es el numero de mi pedido", "My son is getting married at your venue in June and I've been put in charge of the food side of things. What menus are there?", "me cobraron las 2 horas y me fui a los 40 min, quiero que me devuelvan la plata", "roughly how much per person"])(
    "does not mistake “%s” for a request",
    (text) => {
      expect(asksForHuman(text)).toBe(false);
    },
  );
});

describe("asking to be written to", () => {
  it.each(["can someone email me back about this", "que me escriba alguien por correo", "me puede escribir al correo una persona con toda la info?", "¿me podéis escribir un correo?", "can you guys email me back?"])("“%s” is", (text) => {
    expect(asksToBeWrittenTo(text)).toBe(true);
  });
  it.each(["human please", "can someone call me back", "quiero hablar con una persona", "can you email me the invoice"])("“%s” is not", (text) => {
    expect(asksToBeWrittenTo(text)).toBe(false);
  });
});

describe("frustration", () => {
  it.each([
    ["this is useless", /useless/],
    ["You stupid bot", /stupid/],
    ["esto no sirve para nada", /no sirve/],
    ["eres inútil", /inutil/],
    ["WHERE IS MY ORDER!!!", /capitals/],
  ])("notices “%s”", (text, reason) => {
    expect(frustrationSignal(text, [])).toMatch(reason);
  });

  it("notices the same question asked again, whatever the case and punctuation", () => {
    expect(frustrationSignal("What about my order?", ["hello", "what about my order"])).toMatch(/repeated/);
  });

  it("does not count a short repeat or a new question", () => {
    expect(frustrationSignal("ok", ["ok"])).toBeNull();
    expect(frustrationSignal("And the refund?", ["what about my order"])).toBeNull();
    expect(frustrationSignal("How much does shipping cost?", [])).toBeNull();
  });

  it("only looks at the last few messages for repeats", () => {
    expect(frustrationSignal("what about my order", ["what about my order", "a", "b", "c"])).toBeNull();
  });
});
