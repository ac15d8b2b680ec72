-- Full-text search over conversation messages for agents and admins (lib/conversations/search.ts).
-- Written by hand: Prisma does not model expression indexes, so schema.prisma has no trace of it
-- and `db:migration` never touches it. The 'simple' configuration (lower-casing, no stemming)
-- because one workspace's messages mix languages; lib/conversations/search.ts queries exactly
-- this expression so the planner uses the index.
CREATE INDEX "Message_text_search_idx" ON "Message" USING GIN (to_tsvector('simple'::regconfig, "text"));
