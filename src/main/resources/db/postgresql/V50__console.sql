-- Staff console sign-in sessions. Only a SHA-256 of the cookie token is stored; csrf is the session's
-- synchronizer token that every console form must send back.
CREATE TABLE console_session (
    token_hash   TEXT    PRIMARY KEY,
    username     TEXT    NOT NULL,
    csrf         TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX console_session_user ON console_session (username);
