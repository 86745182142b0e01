-- Web channel: a browser's cookie token (only its hash is kept) → the web session's key, which is the
-- participant's address on channel 'web'. A "save and come back later" link adds a second token for the same key.
CREATE TABLE web_session (
    token_hash   TEXT    PRIMARY KEY,
    session_key  TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX web_session_key ON web_session (session_key);

-- The key that signs web forms (CSRF, per-page tokens) and "come back later" links, made once when none is configured.
CREATE TABLE web_secret (
    id     BIGINT PRIMARY KEY CHECK (id = 1),
    secret TEXT    NOT NULL
);
