-- Harmattan knowledge store, schema version 15 (PostgreSQL dialect): the review queue reads a page, not the queue.
-- As the SQLite series (Migrations/0015_review_queue_pages.sql, which explains it). A PostgreSQL index does not end
-- with the row's seq as SQLite's end with the row id: the by-status indexes take it as their last column.
CREATE INDEX document_entities_by_entity_confidence ON document_entities (entity_id, confidence);

DROP INDEX claims_by_status;
CREATE INDEX claims_by_status ON claims (status, confidence, seq);
DROP INDEX relations_by_status;
CREATE INDEX relations_by_status ON relations (status, confidence, seq);
DROP INDEX events_by_status;
CREATE INDEX events_by_status ON events (status, confidence, seq);
DROP INDEX properties_by_status;
CREATE INDEX properties_by_status ON properties (status, confidence, seq);
