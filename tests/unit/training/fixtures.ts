// A small bilingual (Spanish / English) FAQ used by the training tests.
import type { FaqExample } from "@/lib/training";

const entries: Record<string, string[]> = {
  horario: [
    "¿Cuál es el horario de atención?",
    "¿A qué hora abren la tienda?",
    "¿Abren los domingos?",
    "horario de apertura y cierre",
    "What are your opening hours?",
    "When do you open on Saturday?",
  ],
  envio: [
    "¿Cuánto tarda el envío?",
    "¿Cuándo llega mi pedido?",
    "¿Hacen envíos a otras ciudades?",
    "plazo de entrega del paquete",
    "How long does shipping take?",
    "When will my order arrive?",
  ],
  devolucion: [
    "¿Cómo devuelvo un producto?",
    "Quiero devolver mi compra",
    "¿Puedo cambiar un artículo defectuoso?",
    "política de devoluciones y reembolsos",
    "How do I return an item?",
    "Can I get a refund for my purchase?",
  ],
  pago: [
    "¿Qué métodos de pago aceptan?",
    "¿Puedo pagar con tarjeta de crédito?",
    "¿Aceptan transferencia bancaria?",
    "formas de pago disponibles",
    "Which payment methods do you accept?",
    "Can I pay with PayPal?",
  ],
  contrasena: [
    "Olvidé mi contraseña",
    "¿Cómo cambio mi contraseña?",
    "no puedo iniciar sesión en mi cuenta",
    "restablecer la contraseña de acceso",
    "I forgot my password",
    "How do I reset my password?",
  ],
  factura: [
    "¿Cómo obtengo una factura?",
    "Necesito la factura de mi compra",
    "¿Dónde descargo mis facturas?",
    "solicitar factura con datos fiscales",
    "How can I get an invoice?",
    "Where do I download my invoices?",
  ],
};

export const bilingualFaq: FaqExample[] = Object.entries(entries).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));

/** Five entries, one phrasing each: the smallest FAQ a tenant could upload. */
export const tinyFaq: FaqExample[] = [
  { text: "What are your opening hours?", label: "hours" },
  { text: "How long does shipping take?", label: "shipping" },
  { text: "How do I return an item?", label: "returns" },
  { text: "Which payment methods do you accept?", label: "payment" },
  { text: "I forgot my password", label: "password" },
];

/** Deterministic fake sentence encoder: hashed bag of character trigrams, 32 dimensions. */
export async function fakeEmbed(texts: string[]): Promise<Float32Array[]> {
  return texts.map((t) => {
    const v = new Float32Array(32);
    const s = ` ${t.toLowerCase()} `;
    for (let i = 0; i + 3 <= s.length; i++) {
      let h = 2166136261;
      for (let j = i; j < i + 3; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
      v[(h >>> 0) % 32] += 1;
    }
    return v;
  });
}
