-- Harmattan knowledge store, schema version 7 (PostgreSQL dialect): the claims list pages without a filter.
-- As the SQLite series (Migrations/0007_claims_by_day.sql, which explains it); the index ends with seq, the
-- row order a page breaks ties by.
CREATE INDEX claims_by_day ON claims (day, seq);
