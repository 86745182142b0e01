-- Requests by email that wait for proof of an address (forget me, my data, a registration): the message sent to
-- `address` carries a token in its Reply-To plus address and in a link; only a reply from that address, or the link,
-- acts on it, once, before expires_at. Only a SHA-256 of the token is kept; the row is deleted when used.
CREATE TABLE email_proof (
    token_hash     TEXT    PRIMARY KEY,
    kind           TEXT    NOT NULL,
    address        TEXT    NOT NULL,
    participant_id BIGINT,
    flow_id        TEXT,
    answers        TEXT,
    language       TEXT,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX email_proof_address ON email_proof (address);
CREATE INDEX email_proof_participant ON email_proof (participant_id, kind);
CREATE INDEX email_proof_expiry ON email_proof (expires_at);
