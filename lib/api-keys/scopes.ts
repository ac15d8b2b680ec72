// Owns what an API key may do: the scope names, their descriptions for the admin page and the
// OpenAPI document, and the check a /api/v1 route makes before it runs.
import { z } from "zod";

export const API_SCOPES = {
  "faq:read": "Read FAQ versions and their entries",
  "faq:write": "Upload a new FAQ version",
  "knowledge:read": "List knowledge documents (help-centre articles) and read them",
  "knowledge:write": "Add and delete knowledge documents",
  "models:read": "Read model versions and training runs",
  "models:write": "Start training, publish and roll back models",
  "conversations:read": "Export conversations and their customer-facing messages",
  "conversations:notes": "Include agents' internal notes in conversation exports",
  "analytics:read": "Read the analytics summary",
  "webhooks:read": "List webhooks and their delivery logs",
  "webhooks:write": "Register, change and delete webhooks, and send deliveries again",
} as const;

export type ApiScope = keyof typeof API_SCOPES;

export const ALL_SCOPES = Object.keys(API_SCOPES) as ApiScope[];

export const ZApiScope = z.enum(ALL_SCOPES as [ApiScope, ...ApiScope[]]);

/** Scopes as stored (Json column): unknown names are dropped, never trusted. */
export function readScopes(raw: unknown): ApiScope[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter((s): s is ApiScope => typeof s === "string" && s in API_SCOPES);
}
