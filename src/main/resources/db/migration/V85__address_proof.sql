-- A typed email address is a claim until its owner proves it (conversations/confirm-address.yaml, contacts.identity).
-- One row per code sent: the code, the confirm link and the "this wasn't me" link are stored only as HMAC-SHA256
-- under the server secret. Rows are kept for engagebot.identity.attempt-retention as the record of who tried which
-- address; the per-address and per-chat send limits count them. target_hmac (the address under the HMAC) is what the
-- limits and blocks use, so erasing the asking chat (which blanks email) does not reset them; holder names the
-- contact that held the address when the code was sent ("contact:12"), for the audit log.
CREATE TABLE address_proof (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    participant_id  INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    target_hmac     TEXT    NOT NULL,
    holder          TEXT,
    purpose         TEXT    NOT NULL,
    code_hash       TEXT    NOT NULL,
    link_hash       TEXT    NOT NULL UNIQUE,
    deny_hash       TEXT    NOT NULL UNIQUE,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    -- null while the code may still be used; then code, link, replaced (a newer code) or denied
    outcome         TEXT,
    closed_at       INTEGER,
    denied_at       INTEGER
);
CREATE INDEX address_proof_participant ON address_proof (participant_id, id);
CREATE INDEX address_proof_target ON address_proof (target_hmac, created_at);
CREATE INDEX address_proof_created ON address_proof (created_at);

-- Addresses whose owner said "this wasn't me": no code is sent to them until `until`. Keyed by HMAC, not the address.
CREATE TABLE address_block (
    target_hmac TEXT    PRIMARY KEY,
    until       INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);

-- The server secret for the HMACs above, generated once unless engagebot.identity.secret is set.
CREATE TABLE identity_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Registration answers waiting for the code: nothing of them touches a contact until the address is proven.
CREATE TABLE pending_registration (
    participant_id INTEGER PRIMARY KEY REFERENCES participant (id) ON DELETE CASCADE,
    address        TEXT    NOT NULL,
    answers        TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL
);
CREATE INDEX pending_registration_expiry ON pending_registration (expires_at);

-- How each contact's email address was confirmed: imported (staff CSV: lawful basis recorded at import), code, link
-- or reply; NULL = never confirmed, and then no newsletter goes to it by email (contacts.NewsletterConsent).
-- Rows written straight to the table (staff tooling) count as imported, like a CSV row.
ALTER TABLE contact ADD COLUMN email_confirmed TEXT DEFAULT 'imported';
ALTER TABLE contact ADD COLUMN email_confirmed_at INTEGER;
-- Contacts registered through a flow before this change typed their address unproven, unless staff imported it too.
UPDATE contact SET email_confirmed = NULL
 WHERE EXISTS (SELECT 1 FROM consent k WHERE k.contact_id = contact.id AND k.purpose = 'contact')
   AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.contact_id = contact.id AND k.channel = 'import');
