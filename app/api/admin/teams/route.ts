import { handler } from "@/lib/http/handler";
import { createTeam, listTeams, ZTeamInput } from "@/lib/handoff/teams";

export const GET = handler({ role: "admin" }, async ({ db }) => ({ teams: await listTeams(db!) }));

export const POST = handler({ role: "admin", body: ZTeamInput }, async ({ db, user, body }) => Response.json({ team: await createTeam(db!, body, user!.id) }, { status: 201 }));
