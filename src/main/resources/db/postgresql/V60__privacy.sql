-- Download links for a person's own data (/mydata): only a SHA-256 of the token is stored, with its expiry.
CREATE TABLE privacy_export_token (
    token_hash     TEXT    PRIMARY KEY,
    participant_id BIGINT NOT NULL,
    contact_id     BIGINT,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX privacy_export_token_expiry ON privacy_export_token (expires_at);

-- Goodbye messages sent after an erasure: their outbox address and payload are blanked once sent.
CREATE TABLE privacy_scrub (
    outbox_id  BIGINT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
