// The model runtime's state (chat / embedding models: ready, loading, missing and why).
import { handler } from "@/lib/http/handler";
import { services } from "@/lib/app/services";

export const GET = handler({ role: "admin" }, async () => ({ health: await services().modelHealth() }));
