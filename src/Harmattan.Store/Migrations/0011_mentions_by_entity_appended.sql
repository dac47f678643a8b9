-- Harmattan knowledge store, schema version 11 (SQLite dialect): the mentions' entity index grows at its ends.
-- Conventions as in 0001_initial.sql.
--
-- mentions_by_entity was (entity_id, document_id). Document ids are content hashes, so the hundred or so
-- mentions of each new document landed at random places inside their entities' ranges: a batch of 64
-- documents rewrote thousands of pages of the largest index of the store, each into the write-ahead log and
-- again into the file. By entity alone its entries follow the row id, so a batch appends to the end of
-- each entity's range. The one query that looked a document's mentions of an entity up by this index (how
-- often each document of a profile names the entity) now finds them in mentions_by_document, which gains
-- the entity id for it (splits and merges find theirs there too).
DROP INDEX mentions_by_entity;
CREATE INDEX mentions_by_entity ON mentions (entity_id);
DROP INDEX mentions_by_document;
CREATE INDEX mentions_by_document ON mentions (document_id, entity_id, span_start);
