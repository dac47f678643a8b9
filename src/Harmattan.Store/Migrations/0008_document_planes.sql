-- Harmattan knowledge store, schema version 8 (SQLite dialect): whether a document's text leaves the BMP.
-- Conventions as in 0001_initial.sql.
--
-- Evidence offsets count UTF-16 units and SQLite's substr counts code points; they part after the first
-- character beyond the Basic Multilingual Plane (U+10000 and up). Every fact a query reads used to look for
-- such a character in its document's text up to the evidence (FactReader), reading the text from the start
-- for each fact: a third of a loaded server's CPU at 10,000 documents. The store now records it once per
-- document (1 when the text holds one), when the document is written, and looks only in those documents.
ALTER TABLE documents ADD COLUMN beyond_bmp INTEGER NOT NULL DEFAULT 0 CHECK (beyond_bmp IN (0, 1));

-- GLOB's character class compares code points; the class spans every plane above the BMP.
UPDATE documents SET beyond_bmp = 1 WHERE text GLOB '*[𐀀-􏿿]*';
