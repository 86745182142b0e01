-- The register of partner and panel meetings. attendees: JSON list of email addresses (staff and external).
-- sitting_uid/sitting_seq: the next sitting's calendar UID (kept when its date moves) and how often it moved.
CREATE TABLE meeting (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    lead            TEXT,
    purpose         TEXT,
    frequency       TEXT    NOT NULL,
    next_at         INTEGER NOT NULL,
    place           TEXT,
    attendees       TEXT    NOT NULL,
    notice_days     INTEGER NOT NULL,
    public          INTEGER NOT NULL DEFAULT 0,
    noticed_for     INTEGER,
    sitting_uid     TEXT    NOT NULL,
    sitting_seq     INTEGER NOT NULL DEFAULT 0,
    created_by      TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);

-- Agenda and papers for one sitting (meeting_at); the bytes live in outbox_attachment.
CREATE TABLE meeting_paper (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id    INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    meeting_at    INTEGER NOT NULL,
    filename      TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    attachment_id TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    added_by      TEXT    NOT NULL,
    added_at      INTEGER NOT NULL
);

-- Every notice sent: the regular one N days before, one sent by hand, or an alternative date.
CREATE TABLE meeting_notice (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    meeting_at  INTEGER NOT NULL,
    previous_at INTEGER,
    recipients  INTEGER NOT NULL,
    papers      INTEGER NOT NULL,
    sent_by     TEXT    NOT NULL,
    sent_at     INTEGER NOT NULL
);

-- Values that must survive restarts (the calendar feeds' signing key).
CREATE TABLE event_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
