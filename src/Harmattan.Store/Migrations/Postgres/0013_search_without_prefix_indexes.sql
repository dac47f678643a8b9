-- Harmattan knowledge store, schema version 13 (PostgreSQL dialect): nothing changes here.
--
-- On SQLite this version drops the FTS5 prefix indexes (Migrations/0013_search_without_prefix_indexes.sql). The
-- GIN index of tsvectors never had any: a prefix query (to_tsquery's :*) reads the index's ordered lexemes.
SELECT 1;
