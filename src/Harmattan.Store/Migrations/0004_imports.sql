-- Harmattan knowledge store, schema version 4 (SQLite dialect): records imported from event datasets
-- (ACLED, UCDP GED) and STIX bundles. Conventions as in 0001_initial.sql.
--
-- Each imported record (a CSV row, a STIX object) is stored as a document of its own whose text the
-- importer generates from the record's fields, so every imported fact has an evidence span like any
-- other and goes through the same resolver. This table says which source record a document stands
-- for: re-importing an unchanged record finds the same document (its id is the hash of the same text)
-- and changes nothing; a newer version of the record replaces its document in one transaction.
-- fields keeps the record as the source gave it (JSON object of its columns, or the STIX object), the
-- provenance an analyst or a re-export needs. lat/lon are the record's coordinates, when it has them:
-- they belong to the first place of the document's first event (see KnowledgeStore.PlaceCoordinates),
-- so they follow that place through merges and splits.
CREATE TABLE imported_records (
    seq         INTEGER PRIMARY KEY,
    source      TEXT NOT NULL CHECK (source IN ('acled', 'ucdp', 'stix')),
    record_id   TEXT NOT NULL,
    document_id TEXT NOT NULL UNIQUE REFERENCES documents (id),
    file        TEXT NOT NULL,
    line        INTEGER,
    fields      TEXT NOT NULL,
    lat         REAL CHECK (lat BETWEEN -90 AND 90),
    lon         REAL CHECK (lon BETWEEN -180 AND 180),
    imported_at TEXT NOT NULL,
    UNIQUE (source, record_id),
    CHECK ((lat IS NULL) = (lon IS NULL))
) STRICT;
