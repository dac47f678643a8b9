-- Harmattan knowledge store, schema version 15 (SQLite dialect): the review queue reads a page, not the queue.
-- Conventions as in 0001_initial.sql.
--
-- The queue lists waiting facts least confident first. It took the best confidence of every proposed entity
-- from all the documents naming it, and sorted every proposed fact of the knowledge base for each page (1 s
-- at 20,000 reports, growing with the store). An entity's best confidence is now the last entry of its range
-- in this index. Facts come in the order of the by-status indexes of migration 3, whose entries end with the
-- row id (seq), so each kind gives its first facts of a page without sorting (KnowledgeStore.ReviewQueue).
CREATE INDEX document_entities_by_entity_confidence ON document_entities (entity_id, confidence);
