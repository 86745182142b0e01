-- Organisation profiles (issue #17): what an organisation works on, what kind it is, how it came to us, several
-- contact people, staff notes and a history of changes. The contact row stays the organisation and its primary person.
-- sectors: comma-separated values from the fixed list in contacts/OrganisationLists ("community-safety,youth");
-- org_type: one value of that list; source: chat, email, web, import, staff or cvc; cvc: the council that shared it.
ALTER TABLE contact ADD COLUMN sectors TEXT;
ALTER TABLE contact ADD COLUMN org_type TEXT;
ALTER TABLE contact ADD COLUMN source TEXT;
ALTER TABLE contact ADD COLUMN cvc TEXT;
ALTER TABLE contact ADD COLUMN role TEXT;

-- Contact people besides the primary one (held on the contact row).
CREATE TABLE contact_person (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    name       TEXT,
    role       TEXT,
    email      TEXT,
    phone      TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX contact_person_contact ON contact_person (contact_id, id);
CREATE INDEX contact_person_email ON contact_person (email);

-- Staff notes about an organisation; never shown to the organisation except in its own data export.
CREATE TABLE contact_note (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    author     TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX contact_note_contact ON contact_note (contact_id, id);

-- Every change to a profile, field by field (old and new value), by whom and when; kept through a merge.
CREATE TABLE contact_change (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    actor      TEXT    NOT NULL,
    field      TEXT    NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    at         INTEGER NOT NULL
);
CREATE INDEX contact_change_contact ON contact_change (contact_id, id);

-- Existing contacts: where they came from, as far as the consents tell (an import, else the channel they registered on).
UPDATE contact SET source = 'import'
 WHERE EXISTS (SELECT 1 FROM consent k WHERE k.contact_id = contact.id AND k.channel = 'import');
UPDATE contact SET source = (SELECT CASE WHEN k.channel = 'telegram' OR k.channel = 'console' THEN 'chat' ELSE k.channel END
                               FROM consent k WHERE k.contact_id = contact.id ORDER BY k.id LIMIT 1)
 WHERE source IS NULL;
