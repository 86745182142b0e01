-- An erasure asked for but not yet finished: ids only (no personal data), recorded in the transaction that asks
-- for it, so one that a crash cut short is finished at the next start. Deleted by the transaction that completes it.
CREATE TABLE privacy_erasure (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id      INTEGER,
    participant_ids TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    how             TEXT    NOT NULL,
    goodbye_to      INTEGER,
    goodbye_key     TEXT,
    requested_at    INTEGER NOT NULL
);
