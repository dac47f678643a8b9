-- Harmattan knowledge store, schema version 9 (SQLite dialect): the relations list pages by type.
-- Conventions as in 0001_initial.sql.
--
-- /api/relations?type=... and the relations of given types without a party walked relations_by_day from the
-- newest end and read every row to test its type: a rare type read the whole table before it filled a page,
-- and its count read the rows it counted. Indexed by type and day, a page of one type reads that page, and a
-- count walks the type's entries without the rows.
CREATE INDEX relations_by_type_day ON relations (type, day);
