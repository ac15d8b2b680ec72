// The demo tenant's FAQ: a small online shop, in English and Spanish, so a new user sees the bot
// answer in both languages on first start.
export interface DemoFaqEntry {
  key: string;
  question: string;
  alternatives: string[];
  answer: string;
  category: string;
  language: "en" | "es";
}

export const DEMO_FAQ: DemoFaqEntry[] = [
  { key: "shipping-time", language: "en", category: "Shipping", question: "How long does shipping take?", alternatives: ["When will my order arrive?", "delivery time", "how many days for delivery"], answer: "Orders ship within 1 business day. Standard delivery takes 3–5 business days; express takes 1–2." },
  { key: "shipping-cost", language: "en", category: "Shipping", question: "How much does shipping cost?", alternatives: ["shipping price", "is shipping free?", "delivery fee"], answer: "Shipping is free on orders over $50. Below that, standard shipping costs $4.90 and express $9.90." },
  { key: "track-order", language: "en", category: "Orders", question: "How can I track my order?", alternatives: ["where is my order", "tracking number", "order status"], answer: "You will get an e-mail with a tracking link as soon as your order ships. You can also see it under My account → Orders." },
  { key: "return-policy", language: "en", category: "Returns", question: "What is your return policy?", alternatives: ["can I return an item", "how do I return something", "refund policy"], answer: "You can return any unused item within 30 days for a full refund. Start a return under My account → Orders → Return." },
  { key: "refund-time", language: "en", category: "Returns", question: "When will I get my refund?", alternatives: ["how long do refunds take", "refund not received"], answer: "Refunds are issued within 2 business days after we receive the item; your bank may take 3–5 more days to show it." },
  { key: "payment-methods", language: "en", category: "Payments", question: "Which payment methods do you accept?", alternatives: ["can I pay with paypal", "do you take credit cards", "payment options"], answer: "We accept Visa, Mastercard, American Express, PayPal and Apple Pay." },
  { key: "change-address", language: "en", category: "Orders", question: "Can I change my shipping address?", alternatives: ["wrong address on my order", "update delivery address"], answer: "Yes, as long as the order has not shipped: go to My account → Orders → Edit address, or reply to your confirmation e-mail." },
  { key: "opening-hours", language: "en", category: "Contact", question: "What are your customer service hours?", alternatives: ["when are you open", "support hours"], answer: "Our team answers Monday to Friday, 9:00–18:00 (CET). The assistant is here 24/7." },
  { key: "envio-tiempo", language: "es", category: "Envíos", question: "¿Cuánto tarda el envío?", alternatives: ["¿Cuándo llega mi pedido?", "plazo de entrega", "cuántos días tarda en llegar"], answer: "Los pedidos salen en 1 día hábil. La entrega estándar tarda de 3 a 5 días hábiles; la exprés, de 1 a 2." },
  { key: "envio-coste", language: "es", category: "Envíos", question: "¿Cuánto cuesta el envío?", alternatives: ["precio del envío", "¿el envío es gratis?", "gastos de envío"], answer: "El envío es gratis en pedidos de más de 50 $. Por debajo, el envío estándar cuesta 4,90 $ y el exprés 9,90 $." },
  { key: "seguimiento-pedido", language: "es", category: "Pedidos", question: "¿Cómo puedo seguir mi pedido?", alternatives: ["¿dónde está mi pedido?", "número de seguimiento", "estado del pedido"], answer: "Recibirás un correo con el enlace de seguimiento en cuanto se envíe tu pedido. También lo ves en Mi cuenta → Pedidos." },
  { key: "devoluciones", language: "es", category: "Devoluciones", question: "¿Cuál es la política de devoluciones?", alternatives: ["¿puedo devolver un producto?", "cómo hago una devolución", "quiero devolver algo"], answer: "Puedes devolver cualquier artículo sin usar en un plazo de 30 días y te reembolsamos el importe completo. Inicia la devolución en Mi cuenta → Pedidos → Devolver." },
  { key: "reembolso-plazo", language: "es", category: "Devoluciones", question: "¿Cuándo recibiré mi reembolso?", alternatives: ["cuánto tarda el reembolso", "no me ha llegado el reembolso"], answer: "Emitimos el reembolso en 2 días hábiles desde que recibimos el artículo; tu banco puede tardar de 3 a 5 días más en reflejarlo." },
  { key: "metodos-pago", language: "es", category: "Pagos", question: "¿Qué métodos de pago aceptan?", alternatives: ["¿puedo pagar con paypal?", "¿aceptan tarjeta de crédito?", "formas de pago"], answer: "Aceptamos Visa, Mastercard, American Express, PayPal y Apple Pay." },
  { key: "cambiar-direccion", language: "es", category: "Pedidos", question: "¿Puedo cambiar la dirección de envío?", alternatives: ["me equivoqué de dirección", "actualizar dirección de entrega"], answer: "Sí, mientras el pedido no se haya enviado: entra en Mi cuenta → Pedidos → Editar dirección, o responde al correo de confirmación." },
  { key: "horario-atencion", language: "es", category: "Contacto", question: "¿Cuál es el horario de atención al cliente?", alternatives: ["¿a qué hora abren?", "horario de soporte"], answer: "Nuestro equipo atiende de lunes a viernes, de 9:00 a 18:00 (CET). El asistente está disponible 24/7." },
];
