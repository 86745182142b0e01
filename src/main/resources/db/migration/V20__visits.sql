-- Applications for a visit by the Commissioner. The reference is VIS-<ref_year>-<ref_seq, 4 digits>.
CREATE TABLE visit_application (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    reference      TEXT    NOT NULL UNIQUE,
    ref_year       INTEGER NOT NULL,
    ref_seq        INTEGER NOT NULL,
    participant_id INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    contact_id     INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    channel        TEXT    NOT NULL,
    language       TEXT,
    organisation   TEXT    NOT NULL,
    contact_name   TEXT    NOT NULL,
    email          TEXT    NOT NULL,
    phone          TEXT,
    area           TEXT,
    answers        TEXT    NOT NULL,
    answers_hash   TEXT    NOT NULL,
    no_publicity   INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    scheduled_at   INTEGER,
    place          TEXT,
    decline_reason TEXT,
    submitted_at   INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (ref_year, ref_seq)
);
CREATE INDEX visit_status ON visit_application (status, submitted_at);
CREATE INDEX visit_participant ON visit_application (participant_id);
CREATE INDEX visit_email ON visit_application (email, status);

-- Every status change: who, when, from → to, and a note. Never updated.
CREATE TABLE visit_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    visit_id    INTEGER NOT NULL REFERENCES visit_application (id) ON DELETE CASCADE,
    actor       TEXT    NOT NULL,
    from_status TEXT,
    to_status   TEXT    NOT NULL,
    note        TEXT,
    at          INTEGER NOT NULL
);
CREATE INDEX visit_history_visit ON visit_history (visit_id, id);
