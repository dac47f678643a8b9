-- Harmattan knowledge store, schema version 13 (SQLite dialect): the full-text indexes lose their prefix indexes.
--
-- Schema version 1 built both FTS5 indexes with prefix = '2 3': every word was indexed three times, as itself and
-- under its first two and first three letters. FTS5 reads such an index only for a query prefix of exactly that
-- length ("ba*", "mal*"); "jihad*" always walked the words beginning with it, as every prefix now does. Those
-- extra entries were half of the indexing work of an ingest (3,000 generated reports: 3.9 s of the writer's
-- 26 s, 2.0 s without them). On 20,000 reports a prefix of three letters or more answers as fast as before; one
-- of two letters, which holds most words of the language ("th*"), takes 30 ms instead of 1 to list newest first
-- and 105 ms instead of 49 to rank.
--
-- Both tables are external-content (the text lives in documents and claims), so they are dropped, made again
-- and rebuilt from the rows they index: rowid = seq, the same columns the store inserts. On a large knowledge
-- base this takes a while: 6 s for 20,000 reports.
DROP TABLE documents_fts;
DROP TABLE claims_fts;

-- unicode61 with remove_diacritics 2 lets "Ancar Dine" find "Ançar Dine".
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    text,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text,
    content = 'claims',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
