-- Only a broadcast's rows (newsletter, reminders, …) have a batch, and every lookup by batch names one
-- (batch_type = ?), which implies batch_type IS NOT NULL: replies, most rows, no longer get an entry here when queued
-- or when their status changes as they are sent.
DROP INDEX outbox_batch;
CREATE INDEX outbox_batch ON outbox (batch_type, batch_id, status) WHERE batch_type IS NOT NULL;
