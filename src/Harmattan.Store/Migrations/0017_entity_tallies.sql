-- Harmattan knowledge store, schema version 17 (SQLite dialect): each entity's counts, kept by the writers.
-- Conventions as in 0001_initial.sql.
--
-- The places list and the most mentioned entities counted every document, mention and event of every entity they
-- listed: 551 ms at 100,000 reports (p95), growing with the store. Each writer now keeps the counts as it writes
-- (KnowledgeStore.Tallies.cs): an ingest adds its documents' counts, a deletion, re-extraction or review of an event
-- adds the difference it makes to its document's, and a merge, split or undo counts its entities again. `check`
-- counts everything again and compares.
--
-- documents: the documents that list the entity (document_entities); mentions: its mentions not rejected; events:
-- the events not rejected that happen there (event_places). An entity with no count has no row.
CREATE TABLE entity_tallies (
    seq       INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL UNIQUE,
    documents INTEGER NOT NULL,
    mentions  INTEGER NOT NULL,
    events    INTEGER NOT NULL
) STRICT;

INSERT INTO entity_tallies (entity_id, documents, mentions, events)
SELECT entity_id, sum(documents), sum(mentions), sum(events) FROM (
    SELECT entity_id, count(*) AS documents, 0 AS mentions, 0 AS events FROM document_entities GROUP BY entity_id
    UNION ALL
    SELECT entity_id, 0, count(*), 0 FROM mentions WHERE status <> 'rejected' GROUP BY entity_id
    UNION ALL
    SELECT p.entity_id, 0, 0, count(*) FROM event_places p JOIN events v ON v.document_id = p.document_id AND v.id = p.event_id
    WHERE v.status <> 'rejected' GROUP BY p.entity_id
) t
GROUP BY entity_id
ORDER BY entity_id;
