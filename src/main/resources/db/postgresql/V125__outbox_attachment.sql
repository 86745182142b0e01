-- Files sent with emails (an event's .ics, a meeting's papers), stored once by their SHA-256 and named from the
-- outbox payload, so a notice to many people does not copy the papers into every row.
CREATE TABLE outbox_attachment (
    id         TEXT    PRIMARY KEY,
    content    BYTEA    NOT NULL,
    size       BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
