-- Participants: one row per channel identity the bot talks to (a Telegram chat, an email address, a terminal).
CREATE TABLE participant (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    channel      TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    language     TEXT,
    display_name TEXT,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    UNIQUE (channel, address)
);

-- Conversation state as (participant, flow, step id), never a position.
CREATE TABLE conversation_session (
    participant_id INTEGER PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    flow_id        TEXT    NOT NULL,
    step_id        TEXT,
    mode           TEXT    NOT NULL,
    answers        TEXT    NOT NULL,
    history        TEXT    NOT NULL,
    started_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

-- Every inbound message, stored before it is acted on; (channel, external_id) dedupes.
CREATE TABLE inbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    channel        TEXT    NOT NULL,
    external_id    TEXT    NOT NULL,
    address        TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    body           TEXT,
    raw            BLOB,
    status         TEXT    NOT NULL,
    reason         TEXT,
    received_at    INTEGER NOT NULL,
    processed_at   INTEGER,
    UNIQUE (channel, external_id)
);
CREATE INDEX inbox_status ON inbox (status, id);

-- Every outbound message is a row first; workers per channel send and mark it.
CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    channel      TEXT    NOT NULL,
    address      TEXT    NOT NULL,
    priority     INTEGER NOT NULL,
    payload      TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    not_before   INTEGER NOT NULL,
    batch_type   TEXT,
    batch_id     INTEGER,
    external_id  TEXT,
    last_error   TEXT,
    created_at   INTEGER NOT NULL,
    sent_at      INTEGER
);
CREATE INDEX outbox_due ON outbox (channel, status, priority, not_before, id);
CREATE INDEX outbox_batch ON outbox (batch_type, batch_id, status);

-- Third-sector contacts.
CREATE TABLE contact (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation  TEXT,
    name          TEXT,
    email         TEXT,
    phone         TEXT,
    website       TEXT,
    area          TEXT,
    description   TEXT,
    language      TEXT,
    subscribed    INTEGER NOT NULL DEFAULT 0,
    email_on_hold INTEGER NOT NULL DEFAULT 0,
    tags          TEXT,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE UNIQUE INDEX contact_email ON contact (email) WHERE email IS NOT NULL;

-- A contact's channel identities (Telegram chat, email address) link to participants.
CREATE TABLE contact_channel (
    contact_id     INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    PRIMARY KEY (contact_id, participant_id)
);
CREATE UNIQUE INDEX contact_channel_participant ON contact_channel (participant_id);

-- Consent per purpose, versioned wording, time and channel it was given on. Never updated: a history.
CREATE TABLE consent (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id  INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    purpose     TEXT    NOT NULL,
    granted     INTEGER NOT NULL,
    version     TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX consent_contact ON consent (contact_id, purpose, id);

-- Staff accounts and the audit trail of what they change or send.
CREATE TABLE staff_account (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT    NOT NULL UNIQUE,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER,
    created_at      INTEGER NOT NULL
);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    subject   TEXT,
    detail    TEXT,
    at        INTEGER NOT NULL
);

CREATE INDEX inbox_sender ON inbox (channel, address, received_at);
