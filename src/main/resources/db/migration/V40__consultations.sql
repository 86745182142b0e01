-- Consultations: bilingual texts as columns, questions and audience as JSON.
CREATE TABLE consultation (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    reference         TEXT    NOT NULL UNIQUE,
    title_en          TEXT    NOT NULL,
    title_cy          TEXT    NOT NULL,
    summary_en        TEXT    NOT NULL,
    summary_cy        TEXT    NOT NULL,
    can_change_en     TEXT,
    can_change_cy     TEXT,
    cannot_change_en  TEXT,
    cannot_change_cy  TEXT,
    short_reason_en   TEXT,
    short_reason_cy   TEXT,
    questions         TEXT    NOT NULL,
    audience          TEXT,
    needs_translation INTEGER NOT NULL DEFAULT 0,
    status            TEXT    NOT NULL,
    opens_at          INTEGER NOT NULL,
    closes_at         INTEGER NOT NULL,
    published_at      INTEGER,
    reminded_at       INTEGER,
    outcome_en        TEXT,
    outcome_cy        TEXT,
    outcome_at        INTEGER,
    created_by        TEXT    NOT NULL,
    created_at        INTEGER NOT NULL
);

-- Who was invited, on which channel; reply_token routes email replies to this consultation and person.
CREATE TABLE consultation_invitee (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    contact_id      INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    channel         TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    language        TEXT,
    reply_token     TEXT    NOT NULL UNIQUE,
    invited_at      INTEGER NOT NULL,
    reminded_at     INTEGER,
    UNIQUE (consultation_id, channel, address)
);

-- Every response as received; a later one from the same respondent is version n+1 linked to the one it amends.
CREATE TABLE consultation_response (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id  INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    respondent_key   TEXT    NOT NULL,
    invitee_id       INTEGER REFERENCES consultation_invitee (id) ON DELETE SET NULL,
    contact_id       INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    participant_id   INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    channel          TEXT    NOT NULL,
    address          TEXT    NOT NULL,
    language         TEXT,
    respondent_name  TEXT,
    respondent_email TEXT,
    respondent_telegram TEXT,
    text             TEXT,
    answers          TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    amends_id        INTEGER REFERENCES consultation_response (id),
    inbox_id         INTEGER,
    message_id       TEXT,
    late             INTEGER NOT NULL DEFAULT 0,
    tags             TEXT,
    received_at      INTEGER NOT NULL,
    outcome_sent_at  INTEGER
);
CREATE UNIQUE INDEX consultation_response_inbox ON consultation_response (inbox_id) WHERE inbox_id IS NOT NULL;
CREATE UNIQUE INDEX consultation_response_message ON consultation_response (consultation_id, message_id)
    WHERE message_id IS NOT NULL;
CREATE INDEX consultation_response_respondent ON consultation_response (consultation_id, respondent_key, version);
