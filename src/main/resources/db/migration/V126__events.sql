-- Engagement events: bilingual texts as columns, the audience as JSON, times in epoch milliseconds (UTC).
CREATE TABLE event (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    reference          TEXT    NOT NULL UNIQUE,
    title_en           TEXT    NOT NULL,
    title_cy           TEXT    NOT NULL,
    description_en     TEXT    NOT NULL,
    description_cy     TEXT    NOT NULL,
    starts_at          INTEGER NOT NULL,
    ends_at            INTEGER NOT NULL,
    place              TEXT,
    access_en          TEXT,
    access_cy          TEXT,
    online_url         TEXT,
    capacity           INTEGER,
    audience           TEXT,
    questions_close_at INTEGER NOT NULL,
    needs_translation  INTEGER NOT NULL DEFAULT 0,
    invited_at         INTEGER,
    reminded_week_at   INTEGER,
    reminded_day_at    INTEGER,
    notes              TEXT,
    recording_url      TEXT,
    feedback_en        TEXT,
    feedback_cy        TEXT,
    feedback_at        INTEGER,
    created_by         TEXT    NOT NULL,
    created_at         INTEGER NOT NULL
);

-- Who was invited on which channel; reply_token routes email replies (RSVP and questions) to the event and person.
CREATE TABLE event_invitee (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    contact_id  INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    channel     TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    language    TEXT,
    reply_token TEXT    NOT NULL UNIQUE,
    invited_at  INTEGER NOT NULL,
    UNIQUE (event_id, channel, address)
);

-- One answer per person (person_key: their contact, else their channel address), updated when they answer again.
-- via: the channel they last answered on; channel/address/language: where they are told things (the same,
-- or the email address a web visitor gave; null when there is none).
CREATE TABLE event_rsvp (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id         INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_key       TEXT    NOT NULL,
    contact_id       INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    participant_id   INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    via              TEXT    NOT NULL,
    channel          TEXT,
    address          TEXT,
    language         TEXT,
    name             TEXT,
    email            TEXT,
    telegram         TEXT,
    answer           TEXT    NOT NULL,
    access_needs     TEXT,
    translation      INTEGER NOT NULL DEFAULT 0,
    dietary          TEXT,
    waitlisted_since INTEGER,
    attended         INTEGER,
    answered_at      INTEGER NOT NULL,
    created_at       INTEGER NOT NULL,
    feedback_sent_at INTEGER,
    UNIQUE (event_id, person_key)
);
CREATE INDEX event_rsvp_waiting ON event_rsvp (event_id, waitlisted_since) WHERE waitlisted_since IS NOT NULL;

-- Questions for the Commissioner sent in advance; late ones (after questions_close_at) are kept, flagged.
CREATE TABLE event_question (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id         INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    person_key       TEXT    NOT NULL,
    contact_id       INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    participant_id   INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    via              TEXT    NOT NULL,
    channel          TEXT,
    address          TEXT,
    language         TEXT,
    name             TEXT,
    email            TEXT,
    telegram         TEXT,
    text             TEXT    NOT NULL,
    theme            TEXT,
    late             INTEGER NOT NULL DEFAULT 0,
    answered_at      INTEGER,
    inbox_id         INTEGER,
    received_at      INTEGER NOT NULL,
    feedback_sent_at INTEGER
);
CREATE INDEX event_question_event ON event_question (event_id, theme);
