-- Harmattan knowledge store, schema version 2 (SQLite dialect): actor properties, cross-report entity
-- resolution, and the analysts' merges and splits. Conventions as in 0001_initial.sql.

-- A property of an actor that one document states (ActorProperty): a sourced statement, never a
-- single "current value", so two reports that disagree both stay. as_of is the ISO partial date the
-- statement holds for; speaker_id is set when the text attributes the statement to someone.
CREATE TABLE properties (
    seq             INTEGER PRIMARY KEY,
    id              TEXT NOT NULL,
    document_id     TEXT NOT NULL REFERENCES documents (id),
    entity_id       TEXT NOT NULL REFERENCES entities (id),
    name            TEXT NOT NULL,                 -- data/schema/attributes: ideology, goal, strength, ...
    value           TEXT NOT NULL,                 -- normalised: "salafi", "independence", "3000"
    surface         TEXT NOT NULL,                 -- the words the text used
    speaker_id      TEXT REFERENCES entities (id),
    as_of           TEXT,
    as_of_precision TEXT CHECK (as_of_precision IN ('Year', 'Month', 'Day', 'YearRange', 'Decade')),
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    component       TEXT NOT NULL,
    confidence      REAL NOT NULL,
    status          TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
    UNIQUE (document_id, id),
    CHECK ((as_of IS NULL) = (as_of_precision IS NULL))
) STRICT;

CREATE INDEX properties_by_entity ON properties (entity_id, name);
CREATE INDEX properties_by_name ON properties (name, value);
CREATE INDEX properties_by_speaker ON properties (speaker_id) WHERE speaker_id IS NOT NULL;

-- The lookup keys of every stored entity, so resolving a new document's entity is a few index probes
-- rather than a scan: kind 'name' holds NameKey.Fold of its name and each alias; 'initials' the
-- initials of each multi-word name ("Front for the Liberation of X" -> "flx"); 'token' each folded
-- word of four letters or more (the block fuzzy matching compares within). type is part of the key
-- because different types never merge. The store writes these rows beside entity_aliases.
CREATE TABLE entity_keys (
    seq       INTEGER PRIMARY KEY,
    type      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('name', 'initials', 'token')),
    key       TEXT NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities (id),
    UNIQUE (type, kind, key, entity_id)
) STRICT;

CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id);

-- What each entity of a document's extraction resolved to when the document was stored, and why, so
-- an analyst can see it: method 'new' (nothing matched), 'id' (same derived id), 'registry', 'alias',
-- 'acronym', 'surname', 'fuzzy' (score is the similarity), or 'ambiguous' (several candidates, none
-- chosen: note lists them). entity_id follows merges and splits like every other reference.
CREATE TABLE entity_resolutions (
    seq          INTEGER PRIMARY KEY,
    document_id  TEXT NOT NULL REFERENCES documents (id),
    extracted_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    entity_id    TEXT NOT NULL REFERENCES entities (id),
    method       TEXT NOT NULL CHECK (method IN ('new', 'id', 'registry', 'alias', 'acronym', 'surname', 'fuzzy', 'ambiguous')),
    score        REAL NOT NULL,
    matched      TEXT,
    note         TEXT,
    UNIQUE (document_id, extracted_id)
) STRICT;

CREATE INDEX entity_resolutions_by_entity ON entity_resolutions (entity_id);

-- An analyst's merge (other_id folded into entity_id) or split (document_id's occurrences of entity_id
-- moved to the new entity other_id), with who and when. Queries never follow these: a change rewrites
-- the references themselves, and entity_change_rows records exactly what it rewrote so that undoing it
-- restores every row as it was. undone_by/undone_at are set when it is undone.
CREATE TABLE entity_changes (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    entity_id   TEXT NOT NULL,
    entity_name TEXT NOT NULL,
    other_id    TEXT NOT NULL,
    other_name  TEXT NOT NULL,
    document_id TEXT,
    by          TEXT NOT NULL,
    at          TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    undone_by   TEXT,
    undone_at   TEXT,
    CHECK ((undone_by IS NULL) = (undone_at IS NULL))
) STRICT;

CREATE INDEX entity_changes_by_entity ON entity_changes (entity_id);
CREATE INDEX entity_changes_by_other ON entity_changes (other_id);

-- One row a change touched, in the order it touched them: 'update' set column_name of row row_id from
-- old_value; 'delete' removed the row (row_json holds all its columns); 'insert' added it. Undo walks
-- them backwards.
CREATE TABLE entity_change_rows (
    seq         INTEGER PRIMARY KEY,
    change_id   TEXT NOT NULL REFERENCES entity_changes (id),
    action      TEXT NOT NULL CHECK (action IN ('update', 'delete', 'insert')),
    table_name  TEXT NOT NULL,
    row_id      INTEGER NOT NULL,
    column_name TEXT,
    old_value   ANY,
    row_json    TEXT
) STRICT;

CREATE INDEX entity_change_rows_by_change ON entity_change_rows (change_id, seq);
