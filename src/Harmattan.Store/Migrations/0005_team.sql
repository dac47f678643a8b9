-- Harmattan knowledge store, schema version 5 (SQLite dialect): the team that shares a knowledge base (users
-- with a role, their API tokens) and the audit log of every change made on someone's behalf. Conventions as
-- in 0001_initial.sql.

-- A person (or a service) who uses the server. role decides what their tokens may do: viewer reads, analyst
-- also ingests, reviews, merges and splits, admin also manages users and tokens. A user is never deleted
-- (the audit log names them); disabling one refuses all their tokens.
CREATE TABLE users (
    seq         INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    disabled_by TEXT,
    disabled_at TEXT,
    CHECK ((disabled_by IS NULL) = (disabled_at IS NULL))
) STRICT;

-- A bearer secret for one user. Only the SHA-256 of the secret is kept (hex): the secret is shown once,
-- when the token is issued, and cannot be read back. A secret is 256 random bits, so a plain hash is enough
-- (no password stretching: there is nothing to guess). last_used_at is updated at most once a minute.
CREATE TABLE api_tokens (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    user_name    TEXT NOT NULL REFERENCES users (name),
    secret_hash  TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_by   TEXT,
    revoked_at   TEXT,
    CHECK ((revoked_by IS NULL) = (revoked_at IS NULL))
) STRICT;

CREATE INDEX api_tokens_by_user ON api_tokens (user_name, seq);

-- One change made to the knowledge base on someone's behalf, written in the transaction of the change itself
-- (so there is no change without its line, and no line for a change that was rolled back). action is a
-- stable word (ingest, import, reextract, review, review.undo, merge, split, change.undo, user.add,
-- user.disable, token.issue, token.revoke); subject is what it concerns (a document id, a fact, a change,
-- review, user or token id); detail is one short line for people.
CREATE TABLE audit_log (
    seq     INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    by      TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);
CREATE INDEX audit_log_by_by ON audit_log (by, seq);
