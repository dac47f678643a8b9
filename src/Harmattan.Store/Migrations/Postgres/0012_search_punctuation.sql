-- Harmattan knowledge store, schema version 12 (PostgreSQL dialect): punctuation beyond ASCII separates words in
-- search, as it does in SQLite's unicode61 tokenizer.
--
-- PostgreSQL's text search parser takes every character outside ASCII for a letter when the database's ctype is
-- C (as for the throwaway clusters of the tests, and many servers), and the unaccent dictionary then folds
-- typographic punctuation into ASCII: "the group’s" was indexed as 'group''s', “JNIM” as '"jnim"', «chef» as
-- '<<chef>>', and none of them was found by a search for the word. A real report's quotes and apostrophes are
-- mostly typographic, so a phrase such as "Islamic State" missed every "Islamic State’s". Both indexed columns
-- now replace punctuation by spaces first (harmattan_search_text), and a search's terms are cut into words the
-- same way before they reach to_tsquery. The columns are recomputed for every stored document and claim: on a
-- large knowledge base this migration takes a while.

-- ASCII punctuation (so that, as in unicode61, "al-Qaeda" is the words al and Qaeda, not also a compound the
-- parser's own rules make), Latin-1 punctuation and signs, the multiplication and division signs, General
-- Punctuation (quotes, apostrophes, dashes, ellipsis, spaces), currency signs, arrows, mathematical and other
-- symbols and dingbats, Supplemental Punctuation, CJK punctuation, the Arabic comma, semicolon, question mark and
-- number signs, the small, vertical and fullwidth forms of ASCII punctuation, and pictographs (emoji). A search's terms are cut into words in the application (Postgres/TsQuery.cs: every character
-- but a letter, digit or combining mark separates words there).
CREATE FUNCTION harmattan_search_text(body text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(body,
        '[\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E\u00A0-\u00BF\u00D7\u00F7\u2000-\u206F\u20A0-\u20CF\u2190-\u27BF\u2E00-\u2E7F\u3000-\u303F\u060C\u061B\u061F\u066A-\u066D\uFE10-\uFE6F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65\U0001F300-\U0001FAFF]',
        ' ', 'g')
$$;

ALTER TABLE documents DROP COLUMN search;
ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('harmattan_search', harmattan_search_text(title)), 'A')
    || setweight(CASE WHEN length(text) <= 250000 THEN to_tsvector('harmattan_search', harmattan_search_text(text))
                      ELSE harmattan_long_text_vector(harmattan_search_text(text)) END, 'D')) STORED;
CREATE INDEX documents_search ON documents USING gin (search);

ALTER TABLE claims DROP COLUMN search;
ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
    CASE WHEN length(text) <= 250000 THEN to_tsvector('harmattan_search', harmattan_search_text(text))
         ELSE harmattan_long_text_vector(harmattan_search_text(text)) END) STORED;
CREATE INDEX claims_search ON claims USING gin (search);
