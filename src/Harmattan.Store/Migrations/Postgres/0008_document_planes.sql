-- Harmattan knowledge store, schema version 8 (PostgreSQL dialect): whether a document's text leaves the BMP.
-- Conventions as in 0001_initial.sql; the reasons are in the SQLite series' 0008_document_planes.sql.
ALTER TABLE documents ADD COLUMN beyond_bmp bigint NOT NULL DEFAULT 0 CHECK (beyond_bmp IN (0, 1));

UPDATE documents SET beyond_bmp = 1 WHERE text ~ '[𐀀-􏿿]';
