-- Harmattan knowledge store, schema version 10 (SQLite dialect): a party's relations of given types.
-- Conventions as in 0001_initial.sql.
--
-- A party's relations of some types (the disputes about an actor read its cooperation and enmity; a profile
-- or /api/relations?party=...&type=... the types asked for) walked the party's day indexes from the newest
-- end and read every row to test its type: where the types are rare, every relation of the party, and its
-- count read the rows it counted. At 100,000 generated documents, where an armed group is a party to 16,000
-- relations and none is cooperation or enmity, that was 9,000 page reads per disputes query. Indexed by party,
-- type and day, each type is a range read from its newest end, and a count walks its entries without the rows.
CREATE INDEX relations_by_source_type_day ON relations (source_id, type, day, target_id);
CREATE INDEX relations_by_target_type_day ON relations (target_id, type, day, source_id);
