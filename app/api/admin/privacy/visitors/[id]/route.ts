// GET: everything stored about the visitor, as a JSON download. DELETE: erase them (irreversible;
// the console asks for confirmation first).
import { NextResponse } from "next/server";
import { handler } from "@/lib/http/handler";
import { exportVisitor } from "@/lib/privacy/export-visitor";
import { deleteVisitor } from "@/lib/privacy/delete-visitor";

export const GET = handler({ role: "admin" }, async ({ db, user, params }) => {
  const data = await exportVisitor(db!, params.id!, user!);
  return NextResponse.json(data, {
    headers: { "content-disposition": `attachment; filename="visitor-${params.id!.replace(/[^\w-]/g, "")}.json"`, "cache-control": "no-store" },
  });
});

export const DELETE = handler({ role: "admin" }, async ({ db, user, params }) => ({ deleted: await deleteVisitor(db!, params.id!, user!) }));
