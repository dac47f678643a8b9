-- Harmattan knowledge store, schema version 10 (PostgreSQL dialect): a party's relations of given types.
-- As the SQLite series (Migrations/0010_relations_by_party_type.sql, which explains it); the indexes end with
-- seq, the row order a page breaks ties by.
CREATE INDEX relations_by_source_type_day ON relations (source_id, type, day, target_id, seq);
CREATE INDEX relations_by_target_type_day ON relations (target_id, type, day, source_id, seq);
