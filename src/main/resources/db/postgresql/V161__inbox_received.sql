-- Unprocessed messages only, by sender: a message's step lists its sender's earlier unprocessed ones through it
-- (channel/SenderTurns) and a restart finds what is left to process (Inbox.pending). The index on (status, id) it
-- replaces held every message ever stored and took a new entry when one was processed (the update cannot be HOT, as
-- status is in this index's predicate, but a processed row no longer gets an entry here); its scans for a sender's
-- earlier messages walked every processed message's dead entry since the last VACUUM.
CREATE INDEX inbox_received ON inbox (channel, address, id) WHERE status = 'RECEIVED';
DROP INDEX inbox_status;
