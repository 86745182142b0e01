-- Every email we sent: its Message-ID, so replies can be routed by In-Reply-To/References.
CREATE TABLE email_sent (
    message_id  TEXT    PRIMARY KEY,
    outbox_id   INTEGER NOT NULL,
    address     TEXT    NOT NULL,
    reply_token TEXT,
    sent_at     INTEGER NOT NULL
);
CREATE INDEX email_sent_token ON email_sent (reply_token);

-- Bounce and complaint reports about addresses we mailed.
CREATE TABLE email_bounce (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    address     TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    code        TEXT,
    inbox_id    INTEGER,
    at          INTEGER NOT NULL
);
CREATE INDEX email_bounce_address ON email_bounce (address, at);

-- Addresses we will not mail (hard bounce, repeated soft bounces, complaint); also covers non-contacts.
CREATE TABLE email_hold (
    address     TEXT    PRIMARY KEY,
    reason      TEXT    NOT NULL,
    at          INTEGER NOT NULL
);

-- Automatic replies sent per address, for the RFC 3834 daily limit.
CREATE TABLE email_auto_reply (
    address     TEXT    NOT NULL,
    at          INTEGER NOT NULL
);
CREATE INDEX email_auto_reply_address ON email_auto_reply (address, at);
