-- Harmattan knowledge store, schema version 12 (SQLite dialect): nothing changes here.
--
-- On PostgreSQL this version makes punctuation beyond ASCII (typographic quotes and apostrophes, dashes,
-- guillemets) separate words in search (Migrations/Postgres/0012_search_punctuation.sql). FTS5's unicode61
-- tokenizer always did: it separates words at every Unicode punctuation character and symbol.
SELECT 1;
