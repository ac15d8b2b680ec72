-- Full-text search over conversation messages for agents and admins (lib/conversations/search.ts).
-- Written by hand: Prisma does not model FTS5 tables, so schema.prisma has no trace of it and
-- `db:migration` never touches it. An external-content FTS5 index over "Message"."text" (the text
-- is not stored twice), keyed by the message's rowid and kept in step by triggers; system
-- messages are not indexed. Accents and case are ignored ("envio" finds "envío").
-- A later migration that rebuilds "Message" (a SQLite table redefinition) drops these triggers and
-- renumbers rowids: it must recreate the triggers and run
-- INSERT INTO "MessageSearch"("MessageSearch") VALUES ('rebuild').
CREATE VIRTUAL TABLE "MessageSearch" USING fts5(
    "text",
    content = 'Message',
    content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Message_search_insert" AFTER INSERT ON "Message"
WHEN NEW."role" IN ('customer', 'bot', 'agent', 'note')
BEGIN
    INSERT INTO "MessageSearch"("rowid", "text") VALUES (NEW."rowid", NEW."text");
END;

CREATE TRIGGER "Message_search_delete" AFTER DELETE ON "Message"
WHEN OLD."role" IN ('customer', 'bot', 'agent', 'note')
BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", "rowid", "text") VALUES ('delete', OLD."rowid", OLD."text");
END;

CREATE TRIGGER "Message_search_update" AFTER UPDATE OF "text", "role" ON "Message"
BEGIN
    INSERT INTO "MessageSearch"("MessageSearch", "rowid", "text")
        SELECT 'delete', OLD."rowid", OLD."text" WHERE OLD."role" IN ('customer', 'bot', 'agent', 'note');
    INSERT INTO "MessageSearch"("rowid", "text")
        SELECT NEW."rowid", NEW."text" WHERE NEW."role" IN ('customer', 'bot', 'agent', 'note');
END;

-- The messages stored before this migration.
INSERT INTO "MessageSearch"("rowid", "text")
    SELECT "rowid", "text" FROM "Message" WHERE "role" IN ('customer', 'bot', 'agent', 'note');
