-- Download links for a person's own data (/mydata): only a SHA-256 of the token is stored, with its expiry.
CREATE TABLE privacy_export_token (
    token_hash     TEXT    PRIMARY KEY,
    participant_id INTEGER NOT NULL,
    contact_id     INTEGER,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL
);
CREATE INDEX privacy_export_token_expiry ON privacy_export_token (expires_at);

-- Goodbye messages sent after an erasure: their outbox address and payload are blanked once sent.
CREATE TABLE privacy_scrub (
    outbox_id  INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL
);
