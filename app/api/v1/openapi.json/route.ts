// The OpenAPI 3.1 description of /api/v1 (public: it holds no tenant data).
import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = () => NextResponse.json(openApiDocument());
