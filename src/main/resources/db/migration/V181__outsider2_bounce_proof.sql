-- A bounce or complaint puts an address on hold only when it carries the Message-ID of a mail we sent to that address
-- (proven = 1): anyone can write a delivery report naming any address. Reports recorded before were acted on.
ALTER TABLE email_bounce ADD COLUMN proven INTEGER NOT NULL DEFAULT 1;
