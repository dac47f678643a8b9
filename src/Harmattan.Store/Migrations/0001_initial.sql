-- Harmattan knowledge store, schema version 1 (SQLite dialect).
--
-- The migrator runs this whole file in one transaction and then records the version in
-- PRAGMA user_version and in harmattan_meta. Never edit a shipped migration: add 0002_....sql.
-- The PostgreSQL backend will keep its own series (same numbers, same tables) under Postgres/.
--
-- Conventions
-- * Every table is STRICT, so a wrong type is an error rather than a silent coercion.
-- * Facts keep the ids the extraction derived from their key fields. Those ids are unique within a
--   document; the key is (document_id, id), so two reports asserting the same relation never collide.
-- * seq INTEGER PRIMARY KEY is internal: it keeps extraction order for rebuilding a document and is
--   the stable rowid the full-text indexes point at (an explicit INTEGER PRIMARY KEY survives VACUUM).
-- * Offsets are UTF-16 code units into documents.text, end exclusive (STYLE convention 1).
-- * Every fact carries its evidence: evidence_start/evidence_end, component (name/version) and
--   confidence, plus a review status that starts as 'proposed'.
-- * Timestamps are ISO 8601 UTC text ("2026-01-31T08:15:00.000Z"), which sorts as time does.

CREATE TABLE harmattan_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- A report. id is the SHA-256 (lower-case hex) of text; a document is immutable once stored.
CREATE TABLE documents (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE CHECK (length(id) = 64),
    title               TEXT NOT NULL,
    published           TEXT,                      -- ISO 8601 partial date: 2012, 2012-03, 2012-03-22, 1992/1994
    published_precision TEXT CHECK (published_precision IN ('Year', 'Month', 'Day', 'YearRange', 'Decade')),
    source              TEXT NOT NULL,
    url                 TEXT,
    format              TEXT NOT NULL,
    text                TEXT NOT NULL,
    ingested_at         TEXT NOT NULL,
    word_count          INTEGER NOT NULL CHECK (word_count >= 0),
    CHECK ((published IS NULL) = (published_precision IS NULL))
) STRICT;

CREATE INDEX documents_by_ingested_at ON documents (ingested_at DESC, seq DESC);

-- An entity is shared by every document that names it. Upserting one that exists only adds aliases;
-- first and last seen are derived from document_entities joined to documents.
CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    type        TEXT NOT NULL,                      -- EntityType name: Person, ArmedGroup, ...
    name        TEXT NOT NULL,
    registry_id TEXT,
    status      TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected'))
) STRICT;

CREATE INDEX entities_by_type ON entities (type, name);
CREATE INDEX entities_by_registry_id ON entities (registry_id) WHERE registry_id IS NOT NULL;

CREATE TABLE entity_aliases (
    seq       INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    alias     TEXT NOT NULL,
    UNIQUE (entity_id, alias)
) STRICT;

CREATE INDEX entity_aliases_by_alias ON entity_aliases (alias);

-- Which entities a document's extraction listed, with the evidence it gave for each.
CREATE TABLE document_entities (
    seq            INTEGER PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    entity_id      TEXT NOT NULL REFERENCES entities (id),
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    UNIQUE (document_id, entity_id)
) STRICT;

CREATE INDEX document_entities_by_entity ON document_entities (entity_id);

CREATE TABLE mentions (
    seq            INTEGER PRIMARY KEY,
    document_id    TEXT NOT NULL REFERENCES documents (id),
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

CREATE INDEX mentions_by_document ON mentions (document_id, span_start);
CREATE INDEX mentions_by_entity ON mentions (entity_id, document_id);

CREATE TABLE claims (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    speaker_id     TEXT NOT NULL REFERENCES entities (id),
    cue            TEXT NOT NULL,
    text           TEXT NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    UNIQUE (document_id, id)
) STRICT;

CREATE INDEX claims_by_speaker ON claims (speaker_id);

CREATE TABLE claim_about (
    document_id TEXT NOT NULL,
    claim_id    TEXT NOT NULL,
    entity_id   TEXT NOT NULL REFERENCES entities (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (document_id, claim_id, entity_id),
    FOREIGN KEY (document_id, claim_id) REFERENCES claims (document_id, id)
) STRICT;

CREATE INDEX claim_about_by_entity ON claim_about (entity_id);

CREATE TABLE relations (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    type           TEXT NOT NULL,                  -- data/schema/relations: offshoot_of, cooperates_with, ...
    source_id      TEXT NOT NULL REFERENCES entities (id),
    target_id      TEXT NOT NULL REFERENCES entities (id),
    role           TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    UNIQUE (document_id, id)
) STRICT;

CREATE INDEX relations_by_source ON relations (source_id, type);
CREATE INDEX relations_by_target ON relations (target_id, type);

-- date is the ISO partial date as the text gave it; earliest_day/latest_day (YYYY-MM-DD) are the
-- calendar days it may denote, so "what happened in March 2012" is a range comparison on text.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents (id),
    type           TEXT NOT NULL,
    date           TEXT NOT NULL,
    date_precision TEXT NOT NULL CHECK (date_precision IN ('Year', 'Month', 'Day', 'YearRange', 'Decade')),
    earliest_day   TEXT NOT NULL,
    latest_day     TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    component      TEXT NOT NULL,
    confidence     REAL NOT NULL,
    status         TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    UNIQUE (document_id, id),
    CHECK (earliest_day <= latest_day)
) STRICT;

CREATE INDEX events_by_day ON events (earliest_day, latest_day);
CREATE INDEX events_by_type ON events (type, earliest_day);

CREATE TABLE event_places (
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    entity_id   TEXT NOT NULL REFERENCES entities (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (document_id, event_id, entity_id),
    FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, id)
) STRICT;

CREATE INDEX event_places_by_entity ON event_places (entity_id);

CREATE TABLE event_actors (
    document_id TEXT NOT NULL,
    event_id    TEXT NOT NULL,
    entity_id   TEXT NOT NULL REFERENCES entities (id),
    position    INTEGER NOT NULL,
    PRIMARY KEY (document_id, event_id, entity_id),
    FOREIGN KEY (document_id, event_id) REFERENCES events (document_id, id)
) STRICT;

CREATE INDEX event_actors_by_entity ON event_actors (entity_id);

-- value_text is the exact decimal as extracted ("1.5", "20000000"); value is the same number as a
-- REAL for sorting and sums. The quantity's span is its evidence span.
CREATE TABLE quantities (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL,
    document_id    TEXT NOT NULL REFERENCES documents (id),
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
    UNIQUE (document_id, id)
) STRICT;

CREATE INDEX quantities_by_unit ON quantities (unit, value);

-- Full-text search. Both indexes are EXTERNAL-CONTENT FTS5 tables: the text lives once, in
-- documents/claims, and the index points at their seq. There are deliberately no triggers: the store
-- inserts the index rows itself, in the same transaction as the rows they index
-- (Sqlite/SqliteFullText.cs), and documents and claims are never updated in place. Whoever adds
-- deletion must delete from the index first with the 'delete' command, using the old values.
-- unicode61 with remove_diacritics 2 lets "Ancar Dine" find "Ançar Dine"; prefix indexes make
-- "jihad*" cheap.
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text,
    content = 'claims',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
