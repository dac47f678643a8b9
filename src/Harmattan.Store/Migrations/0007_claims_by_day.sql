-- Harmattan knowledge store, schema version 7 (SQLite dialect): the claims list pages without a filter.
-- Conventions as in 0001_initial.sql.
--
-- /api/claims and the claims verb list every claim newest document first, a page at a time; with no speaker
-- or subject, that order is only in an index of the claims' days (0006 gave the claims their day, and indexed
-- it per speaker). The relations already have theirs (relations_by_day).
CREATE INDEX claims_by_day ON claims (day);
