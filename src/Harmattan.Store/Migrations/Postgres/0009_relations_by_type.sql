-- Harmattan knowledge store, schema version 9 (PostgreSQL dialect): the relations list pages by type.
-- As the SQLite series (Migrations/0009_relations_by_type.sql, which explains it); the index ends with seq,
-- the row order a page breaks ties by.
CREATE INDEX relations_by_type_day ON relations (type, day, seq);
