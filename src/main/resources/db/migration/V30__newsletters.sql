-- Newsletters and broadcasts. Recipients are outbox rows (batch_type 'newsletter', batch_id = newsletter.id).
-- status: DRAFT → SCHEDULED → ENQUEUING (cursor = last contact id enqueued) → SENDING → SENT.
CREATE TABLE newsletter (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    kind               TEXT    NOT NULL,
    title_en           TEXT    NOT NULL,
    title_cy           TEXT    NOT NULL,
    body_en            TEXT    NOT NULL,
    body_cy            TEXT    NOT NULL,
    tags               TEXT    NOT NULL,
    audience           TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    send_at            INTEGER,
    cursor             INTEGER NOT NULL DEFAULT 0,
    skipped_on_hold    INTEGER NOT NULL DEFAULT 0,
    skipped_no_channel INTEGER NOT NULL DEFAULT 0,
    created_by         TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    started_at         INTEGER,
    sent_at            INTEGER
);
CREATE INDEX newsletter_status ON newsletter (status, send_at);

-- Generated secrets and other values that must survive restarts (e.g. the unsubscribe HMAC key).
CREATE TABLE newsletter_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One staff reminder per quarter at most.
CREATE TABLE newsletter_reminder (
    quarter TEXT PRIMARY KEY,
    sent_at INTEGER NOT NULL
);

CREATE INDEX contact_subscribed ON contact (subscribed, id);
