-- Messages to the office ("raise an issue"): free text sent from any channel, outside a form, and the staff's
-- replies, which go back on the sender's channel in their language. status: open, replied, closed.
CREATE TABLE enquiry (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id INTEGER REFERENCES participant (id) ON DELETE SET NULL,
    contact_id     INTEGER REFERENCES contact (id) ON DELETE SET NULL,
    channel        TEXT    NOT NULL,
    language       TEXT,
    text           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    closed_at      INTEGER
);
CREATE INDEX enquiry_status ON enquiry (status, id);
CREATE INDEX enquiry_participant ON enquiry (participant_id);
CREATE INDEX enquiry_contact ON enquiry (contact_id);

CREATE TABLE enquiry_reply (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    enquiry_id INTEGER NOT NULL REFERENCES enquiry (id) ON DELETE CASCADE,
    staff      TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    sent_at    INTEGER NOT NULL
);
CREATE INDEX enquiry_reply_enquiry ON enquiry_reply (enquiry_id, id);
