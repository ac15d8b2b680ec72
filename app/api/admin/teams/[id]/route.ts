import { handler } from "@/lib/http/handler";
import { deleteTeam, updateTeam, ZTeamUpdate } from "@/lib/handoff/teams";

export const PATCH = handler({ role: "admin", body: ZTeamUpdate }, async ({ db, user, params, body }) => ({ team: await updateTeam(db!, params.id!, body, user!.id) }));

export const DELETE = handler({ role: "admin" }, async ({ db, user, params }) => {
  await deleteTeam(db!, params.id!, user!.id);
  return { ok: true };
});
