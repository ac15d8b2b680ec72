-- Full-text search over conversation messages for agents and admins (lib/conversations/search.ts).
-- Written by hand: Prisma does not model expression indexes, so schema.prisma has no trace of it
-- and `db:migration` never touches it. The simple configuration (lower-casing, no stemming)
-- because the messages of one workspace mix languages. lib/conversations/search.ts queries exactly
-- this expression, so the planner uses the index. (No semicolons or quotes in these comments:
-- Prisma Migrate splits the script into statements without reading comments.)
CREATE INDEX "Message_text_search_idx" ON "Message" USING GIN (to_tsvector('simple'::regconfig, "text"));
