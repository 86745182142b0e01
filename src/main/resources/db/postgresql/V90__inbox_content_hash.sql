-- A fingerprint of what each inbound message said (SHA-256 of its bytes; for email without the headers servers
-- add in transit). A repeated external id is a no-op only when the sender and this match; otherwise the message is
-- stored quarantined under a derived id, so a reused Message-ID or update id is never dropped silently.
ALTER TABLE inbox ADD COLUMN content_hash TEXT;
