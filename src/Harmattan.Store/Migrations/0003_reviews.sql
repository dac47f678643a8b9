-- Harmattan knowledge store, schema version 3 (SQLite dialect): the analysts' review of extracted facts,
-- and re-extraction of a stored document. Conventions as in 0001_initial.sql.

-- One analyst action on one fact: confirm it, reject it, or correct some of its fields (which confirms it).
-- kind names the table: entity (entities, document_id NULL, fact_id the entity id), claim (claims),
-- relation (relations), event (events), attribute (properties); the others are keyed (document_id, fact_id).
-- status_before/status_after are the fact's review status around the action; undoing the action restores
-- status_before and each changed field's before value, and sets undone_by/undone_at. Only the latest
-- action in force on a fact can be undone, so an undo never restores a value a later action relied on.
CREATE TABLE reviews (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('entity', 'claim', 'relation', 'event', 'attribute')),
    document_id   TEXT,
    fact_id       TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'correct')),
    status_before TEXT NOT NULL CHECK (status_before IN ('proposed', 'confirmed', 'rejected')),
    status_after  TEXT NOT NULL CHECK (status_after IN ('proposed', 'confirmed', 'rejected')),
    by            TEXT NOT NULL,
    at            TEXT NOT NULL,
    undone_by     TEXT,
    undone_at     TEXT,
    CHECK ((kind = 'entity') = (document_id IS NULL)),
    CHECK ((undone_by IS NULL) = (undone_at IS NULL))
) STRICT;

CREATE INDEX reviews_by_fact ON reviews (kind, fact_id, document_id, seq);
CREATE INDEX reviews_by_document ON reviews (document_id, seq) WHERE document_id IS NOT NULL;

-- The fields a 'correct' action changed, with the stored value before and after, as the column holds it
-- (an entity id for a speaker, an ISO partial date for a date; NULL for an absent role).
CREATE TABLE review_changes (
    seq       INTEGER PRIMARY KEY,
    review_id TEXT NOT NULL REFERENCES reviews (id),
    field     TEXT NOT NULL,
    before    TEXT,
    after     TEXT
) STRICT;

CREATE INDEX review_changes_by_review ON review_changes (review_id, seq);

-- When the document's facts were last replaced by a new extraction of its (unchanged) text; NULL when
-- they are still those of its ingest. Re-extraction keeps every reviewed fact (confirmed, rejected or
-- corrected) and replaces only the proposed ones.
ALTER TABLE documents ADD COLUMN extracted_at TEXT;

-- The review queue reads the proposed facts by confidence.
CREATE INDEX claims_by_status ON claims (status, confidence);
CREATE INDEX relations_by_status ON relations (status, confidence);
CREATE INDEX events_by_status ON events (status, confidence);
CREATE INDEX properties_by_status ON properties (status, confidence);
