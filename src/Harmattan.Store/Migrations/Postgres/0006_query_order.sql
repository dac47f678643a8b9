-- Harmattan knowledge store, schema version 6 (PostgreSQL dialect): what the analyst queries need so that each
-- costs the page it returns, not the size of the knowledge base. The same columns and triggers as the SQLite
-- series (Migrations/0006_query_order.sql, which explains them); here the triggers fill a row before it is
-- written rather than updating it after, and each index ends with seq, the row order a page breaks ties by
-- (SQLite's indexes end with the row id by themselves).

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

ALTER TABLE document_entities ADD COLUMN day text COLLATE "C";
ALTER TABLE claims ADD COLUMN day text COLLATE "C";
ALTER TABLE claim_about ADD COLUMN day text COLLATE "C";
ALTER TABLE relations ADD COLUMN day text COLLATE "C";
ALTER TABLE properties ADD COLUMN day text COLLATE "C";
ALTER TABLE event_actors ADD COLUMN earliest_day text COLLATE "C";
ALTER TABLE event_actors ADD COLUMN latest_day text COLLATE "C";
ALTER TABLE event_places ADD COLUMN earliest_day text COLLATE "C";
ALTER TABLE event_places ADD COLUMN latest_day text COLLATE "C";

UPDATE document_entities x SET day = d.day FROM document_days d WHERE d.id = x.document_id;
UPDATE claims x SET day = d.day FROM document_days d WHERE d.id = x.document_id;
UPDATE claim_about x SET day = d.day FROM document_days d WHERE d.id = x.document_id;
UPDATE relations x SET day = d.day FROM document_days d WHERE d.id = x.document_id;
UPDATE properties x SET day = d.day FROM document_days d WHERE d.id = x.document_id;
UPDATE event_actors x SET earliest_day = e.earliest_day, latest_day = e.latest_day
FROM events e WHERE e.document_id = x.document_id AND e.id = x.event_id;
UPDATE event_places x SET earliest_day = e.earliest_day, latest_day = e.latest_day
FROM events e WHERE e.document_id = x.document_id AND e.id = x.event_id;

CREATE FUNCTION harmattan_fact_day() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.day IS NULL THEN
        NEW.day := (SELECT d.day FROM document_days d WHERE d.id = NEW.document_id);
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION harmattan_event_link_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.earliest_day IS NULL THEN
        SELECT e.earliest_day, e.latest_day INTO NEW.earliest_day, NEW.latest_day
        FROM events e WHERE e.document_id = NEW.document_id AND e.id = NEW.event_id;
    END IF;
    RETURN NEW;
END
$$;

-- A corrected event date (review, or its undo) moves the event in every actor's and place's timeline.
CREATE FUNCTION harmattan_event_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_actors SET earliest_day = NEW.earliest_day, latest_day = NEW.latest_day
    WHERE document_id = NEW.document_id AND event_id = NEW.id;
    UPDATE event_places SET earliest_day = NEW.earliest_day, latest_day = NEW.latest_day
    WHERE document_id = NEW.document_id AND event_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER document_entities_day BEFORE INSERT ON document_entities FOR EACH ROW EXECUTE FUNCTION harmattan_fact_day();
CREATE TRIGGER claims_day BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION harmattan_fact_day();
CREATE TRIGGER claim_about_day BEFORE INSERT ON claim_about FOR EACH ROW EXECUTE FUNCTION harmattan_fact_day();
CREATE TRIGGER relations_day BEFORE INSERT ON relations FOR EACH ROW EXECUTE FUNCTION harmattan_fact_day();
CREATE TRIGGER properties_day BEFORE INSERT ON properties FOR EACH ROW EXECUTE FUNCTION harmattan_fact_day();
CREATE TRIGGER event_actors_days BEFORE INSERT ON event_actors FOR EACH ROW EXECUTE FUNCTION harmattan_event_link_days();
CREATE TRIGGER event_places_days BEFORE INSERT ON event_places FOR EACH ROW EXECUTE FUNCTION harmattan_event_link_days();
CREATE TRIGGER events_days AFTER UPDATE OF earliest_day, latest_day ON events
    FOR EACH ROW WHEN (NEW.earliest_day IS DISTINCT FROM OLD.earliest_day OR NEW.latest_day IS DISTINCT FROM OLD.latest_day)
    EXECUTE FUNCTION harmattan_event_days_changed();

DROP INDEX document_entities_by_entity;
CREATE INDEX document_entities_by_entity_day ON document_entities (entity_id, day, seq);

DROP INDEX claims_by_speaker;
CREATE INDEX claims_by_speaker_day ON claims (speaker_id, day, seq);

DROP INDEX claim_about_by_entity;
CREATE INDEX claim_about_by_entity_day ON claim_about (entity_id, day, seq);

DROP INDEX relations_by_source;
CREATE INDEX relations_by_source_day ON relations (source_id, day, target_id, seq);
DROP INDEX relations_by_target;
CREATE INDEX relations_by_target_day ON relations (target_id, day, source_id, seq);
CREATE INDEX relations_by_day ON relations (day, seq);

DROP INDEX properties_by_entity;
CREATE INDEX properties_by_entity_day ON properties (entity_id, day, seq);

DROP INDEX event_actors_by_entity;
CREATE INDEX event_actors_by_entity_day ON event_actors (entity_id, earliest_day, latest_day, seq);
DROP INDEX event_places_by_entity;
CREATE INDEX event_places_by_entity_day ON event_places (entity_id, earliest_day, latest_day, seq);

-- The whole timeline pages in (earliest day, latest day, seq) order.
DROP INDEX events_by_day;
CREATE INDEX events_by_day ON events (earliest_day, latest_day, seq);

CREATE INDEX documents_spanning_years ON documents (published) WHERE published_precision IN ('YearRange', 'Decade');
CREATE INDEX events_spanning_years ON events (latest_day) WHERE date_precision IN ('YearRange', 'Decade');

CREATE INDEX entities_rejected ON entities (id) WHERE status = 'rejected';
