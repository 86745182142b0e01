-- Bearer tokens for automation: only a SHA-256 of the token is kept; the token is shown once.
CREATE TABLE api_token (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    staff_id    INTEGER NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    label       TEXT    NOT NULL,
    token_hash  TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at  INTEGER
);
