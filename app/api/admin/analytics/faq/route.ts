// "Add to FAQ" from an unanswered question: a new FAQ version with the entry added.
import { handler } from "@/lib/http/handler";
import { addToFaq, ZAddToFaq } from "@/lib/analytics/add-to-faq";

export const POST = handler({ role: "admin", body: ZAddToFaq }, async ({ user, body }) =>
  Response.json(await addToFaq(user!.tenantId, body, { id: user!.id, kind: "user" }), { status: 201 }),
);
