-- A message's claim (RECEIVED → PROCESSED, with processed_at) changed its entry in inbox_status, so PostgreSQL could
-- not make it a HOT update: it wrote a new entry in every index of the table (the key, (channel, external_id), the
-- sender's and the status's), four a message, and the sender's turn (channel/SenderTurns) read its earlier
-- unprocessed messages through inbox_status, fetching every row in flight from any sender. Now no index holds status
-- or processed_at, so the claim writes no index entry; the sender's index is by id (the order every per-sender
-- query reads in: erasure, export, the turn), and the turn reads only the sender's rows after its last processed one.
-- Only the start-up resume (Inbox.pending) looked rows up by status; it scans the table, once per start.
-- Pages keep a tenth free so that a claim's new row version fits beside the old one (HOT needs the same page).
DROP INDEX inbox_status;
DROP INDEX inbox_sender;
CREATE INDEX inbox_sender ON inbox (channel, address, id);
ALTER TABLE inbox SET (fillfactor = 90);
