-- Harmattan knowledge store, schema version 16 (SQLite dialect): the rejected mentions, indexed apart.
-- Conventions as in 0001_initial.sql.
--
-- The places list counts each place's mentions that are not rejected. Testing every mention's status read
-- every mention row of every place (0.7 s at 20,000 reports); the list now counts the place's entries of
-- mentions_by_entity and takes off its rejected mentions, which this index holds alone (few or none).
CREATE INDEX mentions_rejected ON mentions (entity_id) WHERE status = 'rejected';
