-- Rows by address: unsubscribing mid-send ends that reader's waiting rows, a bounce marks the row it was about,
-- erasure removes a person's rows; without it each of these scanned every row of a 100,000-recipient send.
CREATE INDEX outbox_address ON outbox (address, channel, status);
