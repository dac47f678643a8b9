-- Harmattan knowledge store, schema version 11 (PostgreSQL dialect): the mentions' entity index grows at its ends.
-- As the SQLite series (Migrations/0011_mentions_by_entity_appended.sql, which explains it); the entity's
-- entries follow seq, as SQLite's follow the row id.
DROP INDEX mentions_by_entity;
CREATE INDEX mentions_by_entity ON mentions (entity_id, seq);
DROP INDEX mentions_by_document;
CREATE INDEX mentions_by_document ON mentions (document_id, entity_id, span_start);
