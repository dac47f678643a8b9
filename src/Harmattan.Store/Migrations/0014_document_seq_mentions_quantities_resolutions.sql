-- Harmattan knowledge store, schema version 14 (SQLite dialect): mentions, quantities and entity resolutions
-- name their document by its seq. Conventions as in 0001_initial.sql.
--
-- Every row of these three tables carried the document's 64-character id, and each table's by-document
-- index led with it. The id is a hash of the text, so a new document's hundred-odd mentions, its quantities
-- and its resolutions went to random places in those indexes, and the rows were a third key. documents.seq
-- is the document's integer row id: it grows as documents are stored, so a new document's entries are
-- appended at the end of each by-document index, and each row holds one small integer instead of the id.
-- These three tables are the largest share of a document's rows (about 130 of 250 in a generated report)
-- and no other table, cursor or export names their rows by document id; the other fact tables follow in
-- later migrations. Queries reach the id through documents (its primary key is seq).
--
-- Each table is rebuilt (SQLite cannot change a column's type) with every row's seq kept: merges and splits
-- recorded before the migration name rows by it (entity_change_rows.row_id) and can still be undone.

CREATE TABLE mentions_14 (
    seq            INTEGER PRIMARY KEY,
    document_seq   INTEGER NOT NULL REFERENCES documents (seq),
    entity_id      TEXT NOT NULL REFERENCES entities (id),
    span_start     INTEGER NOT NULL,
    span_end       INTEGER NOT NULL,
    surface        TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    CHECK (0 <= span_start AND span_start <= span_end)
) STRICT;

INSERT INTO mentions_14 (seq, document_seq, entity_id, span_start, span_end, surface, evidence_start, evidence_end, component, confidence, status)
SELECT m.seq, d.seq, m.entity_id, m.span_start, m.span_end, m.surface, m.evidence_start, m.evidence_end, m.component, m.confidence, m.status
FROM mentions m JOIN documents d ON d.id = m.document_id
ORDER BY m.seq;

DROP TABLE mentions;
ALTER TABLE mentions_14 RENAME TO mentions;
CREATE INDEX mentions_by_entity ON mentions (entity_id);
CREATE INDEX mentions_by_document ON mentions (document_seq, entity_id, span_start);

CREATE TABLE quantities_14 (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    document_seq   INTEGER NOT NULL REFERENCES documents (seq),
    value_text     TEXT NOT NULL,
    value          REAL NOT NULL,
    unit           TEXT,
    surface        TEXT NOT NULL,
    approximate    INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    UNIQUE (document_seq, id)
) STRICT;

INSERT INTO quantities_14 (seq, id, document_seq, value_text, value, unit, surface, approximate, evidence_start, evidence_end, component, confidence, status)
SELECT q.seq, q.id, d.seq, q.value_text, q.value, q.unit, q.surface, q.approximate, q.evidence_start, q.evidence_end, q.component, q.confidence, q.status
FROM quantities q JOIN documents d ON d.id = q.document_id
ORDER BY q.seq;

DROP TABLE quantities;
ALTER TABLE quantities_14 RENAME TO quantities;
CREATE INDEX quantities_by_unit ON quantities (unit, value);

CREATE TABLE entity_resolutions_14 (
    seq          INTEGER PRIMARY KEY,
    document_seq INTEGER NOT NULL REFERENCES documents (seq),
    extracted_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    entity_id    TEXT NOT NULL REFERENCES entities (id),
    method       TEXT NOT NULL CHECK (method IN ('new', 'id', 'registry', 'alias', 'acronym', 'surname', 'fuzzy', 'ambiguous')),
    score        REAL NOT NULL,
    matched      TEXT,
    note         TEXT,
    UNIQUE (document_seq, extracted_id)
) STRICT;

INSERT INTO entity_resolutions_14 (seq, document_seq, extracted_id, name, entity_id, method, score, matched, note)
SELECT r.seq, d.seq, r.extracted_id, r.name, r.entity_id, r.method, r.score, r.matched, r.note
FROM entity_resolutions r JOIN documents d ON d.id = r.document_id
ORDER BY r.seq;

DROP TABLE entity_resolutions;
ALTER TABLE entity_resolutions_14 RENAME TO entity_resolutions;
CREATE INDEX entity_resolutions_by_entity ON entity_resolutions (entity_id);
