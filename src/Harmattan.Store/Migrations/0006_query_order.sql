-- Harmattan knowledge store, schema version 6 (SQLite dialect): what the analyst queries need so that each
-- costs the page it returns, not the size of the knowledge base. Conventions as in 0001_initial.sql.
--
-- An actor's profile, timeline and neighbourhood list its facts newest first, a page at a time. That order is
-- the date of the document a fact comes from (events: the event's own date), which lives in another table;
-- to walk "the newest 10 claims about X" an index must hold the entity and the date side by side. So the
-- tables that name an entity get a copy of the date they are ordered by:
--   day                       the first calendar day of the document's date (published, else the UTC day it
--                             was ingested), YYYY-MM-DD, on document_entities, claims, claim_about, relations
--                             and properties;
--   earliest_day, latest_day  the event's, on event_actors and event_places.
-- A writer may fill them; when it leaves them NULL, the triggers below do, from the document or the event, so
-- every path that adds rows (ingest, import, re-extraction, merge/split undo, a copy) keeps them right without
-- knowing about them. A document's date never changes (a document is immutable); an event's date can be
-- corrected in review, and a trigger then carries the new days to its links.

-- The days a document's date covers, as text that compares like dates. last_day is an upper bound for
-- comparisons, not always a calendar day: a month ends on "-31" whatever its length.
CREATE VIEW document_days AS
SELECT id,
       CASE published_precision
           WHEN 'Day' THEN published
           WHEN 'Month' THEN published || '-01'
           WHEN 'Year' THEN published || '-01-01'
           WHEN 'YearRange' THEN substr(published, 1, 4) || '-01-01'
           WHEN 'Decade' THEN substr(published, 1, 4) || '-01-01'
           ELSE substr(ingested_at, 1, 10)
       END AS day,
       CASE published_precision
           WHEN 'Day' THEN published
           WHEN 'Month' THEN published || '-31'
           WHEN 'Year' THEN published || '-12-31'
           WHEN 'YearRange' THEN substr(published, 6, 4) || '-12-31'
           WHEN 'Decade' THEN substr(published, 6, 4) || '-12-31'
           ELSE substr(ingested_at, 1, 10)
       END AS last_day
FROM documents;

ALTER TABLE document_entities ADD COLUMN day TEXT;
ALTER TABLE claims ADD COLUMN day TEXT;
ALTER TABLE claim_about ADD COLUMN day TEXT;
ALTER TABLE relations ADD COLUMN day TEXT;
ALTER TABLE properties ADD COLUMN day TEXT;
ALTER TABLE event_actors ADD COLUMN earliest_day TEXT;
ALTER TABLE event_actors ADD COLUMN latest_day TEXT;
ALTER TABLE event_places ADD COLUMN earliest_day TEXT;
ALTER TABLE event_places ADD COLUMN latest_day TEXT;

UPDATE document_entities SET day = (SELECT d.day FROM document_days d WHERE d.id = document_entities.document_id);
UPDATE claims SET day = (SELECT d.day FROM document_days d WHERE d.id = claims.document_id);
UPDATE claim_about SET day = (SELECT d.day FROM document_days d WHERE d.id = claim_about.document_id);
UPDATE relations SET day = (SELECT d.day FROM document_days d WHERE d.id = relations.document_id);
UPDATE properties SET day = (SELECT d.day FROM document_days d WHERE d.id = properties.document_id);
UPDATE event_actors SET (earliest_day, latest_day) =
    (SELECT e.earliest_day, e.latest_day FROM events e WHERE e.document_id = event_actors.document_id AND e.id = event_actors.event_id);
UPDATE event_places SET (earliest_day, latest_day) =
    (SELECT e.earliest_day, e.latest_day FROM events e WHERE e.document_id = event_places.document_id AND e.id = event_places.event_id);

CREATE TRIGGER document_entities_day AFTER INSERT ON document_entities WHEN NEW.day IS NULL BEGIN
    UPDATE document_entities SET day = (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER claims_day AFTER INSERT ON claims WHEN NEW.day IS NULL BEGIN
    UPDATE claims SET day = (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER claim_about_day AFTER INSERT ON claim_about WHEN NEW.day IS NULL BEGIN
    UPDATE claim_about SET day = (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER relations_day AFTER INSERT ON relations WHEN NEW.day IS NULL BEGIN
    UPDATE relations SET day = (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER properties_day AFTER INSERT ON properties WHEN NEW.day IS NULL BEGIN
    UPDATE properties SET day = (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER event_actors_days AFTER INSERT ON event_actors WHEN NEW.earliest_day IS NULL BEGIN
    UPDATE event_actors SET (earliest_day, latest_day) =
        (SELECT e.earliest_day, e.latest_day FROM events e WHERE e.document_id = NEW.document_id AND e.id = NEW.event_id)
    WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER event_places_days AFTER INSERT ON event_places WHEN NEW.earliest_day IS NULL BEGIN
    UPDATE event_places SET (earliest_day, latest_day) =
        (SELECT e.earliest_day, e.latest_day FROM events e WHERE e.document_id = NEW.document_id AND e.id = NEW.event_id)
    WHERE rowid = NEW.rowid;
END;

-- A corrected event date (review, or its undo) moves the event in every actor's and place's timeline.
CREATE TRIGGER events_days AFTER UPDATE OF earliest_day, latest_day ON events BEGIN
    UPDATE event_actors SET earliest_day = NEW.earliest_day, latest_day = NEW.latest_day
    WHERE document_id = NEW.document_id AND event_id = NEW.id;
    UPDATE event_places SET earliest_day = NEW.earliest_day, latest_day = NEW.latest_day
    WHERE document_id = NEW.document_id AND event_id = NEW.id;
END;

-- The indexes the pages walk. Each replaces the entity's index of its table, whose queries (merge, split,
-- lookups by entity) use the new one's first column as they used the old: the store keeps as many indexes
-- per row as before, so ingest pays only for the wider entries. A page is read in index order: newest first
-- is a backward scan of (entity, day) and then the row id, a timeline a forward scan of (entity, earliest
-- day, latest day). Relations carry the other party's id in the index so that a count can leave out the
-- relations with a rejected party without reading the rows.
DROP INDEX document_entities_by_entity;
CREATE INDEX document_entities_by_entity_day ON document_entities (entity_id, day);

DROP INDEX claims_by_speaker;
CREATE INDEX claims_by_speaker_day ON claims (speaker_id, day);

DROP INDEX claim_about_by_entity;
CREATE INDEX claim_about_by_entity_day ON claim_about (entity_id, day);

DROP INDEX relations_by_source;
CREATE INDEX relations_by_source_day ON relations (source_id, day, target_id);
DROP INDEX relations_by_target;
CREATE INDEX relations_by_target_day ON relations (target_id, day, source_id);
-- The network without a centre reads the newest statements of the period.
CREATE INDEX relations_by_day ON relations (day);

DROP INDEX properties_by_entity;
CREATE INDEX properties_by_entity_day ON properties (entity_id, day);

DROP INDEX event_actors_by_entity;
CREATE INDEX event_actors_by_entity_day ON event_actors (entity_id, earliest_day, latest_day);
DROP INDEX event_places_by_entity;
CREATE INDEX event_places_by_entity_day ON event_places (entity_id, earliest_day, latest_day);

-- A period starts a scan at its first day less the longest span a date can cover; these find the few dates
-- that cover more than a year (ranges of years, decades) without reading the others.
CREATE INDEX documents_spanning_years ON documents (published) WHERE published_precision IN ('YearRange', 'Decade');
CREATE INDEX events_spanning_years ON events (latest_day) WHERE date_precision IN ('YearRange', 'Decade');

-- Rejected entities leave relations out of every query; there are few, found without a scan.
CREATE INDEX entities_rejected ON entities (id) WHERE status = 'rejected';
