-- Unprocessed messages only, by sender: a message's step lists its sender's earlier unprocessed ones through it
-- (PostgreSQL, channel/SenderTurns) and a restart finds what is left to process (Inbox.pending). The index on
-- (status, id) it replaces held every message ever stored and moved each one's entry when it was processed.
CREATE INDEX inbox_received ON inbox (channel, address, id) WHERE status = 'RECEIVED';
DROP INDEX inbox_status;
