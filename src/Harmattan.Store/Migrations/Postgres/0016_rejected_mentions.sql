-- Harmattan knowledge store, schema version 16 (PostgreSQL dialect): the rejected mentions, indexed apart.
-- As the SQLite series (Migrations/0016_rejected_mentions.sql, which explains it).
CREATE INDEX mentions_rejected ON mentions (entity_id) WHERE status = 'rejected';
