-- Staff sign-in that holds (issue 12): deactivation, TOTP second factor, recovery codes, throttling counters,
-- bearer-token expiry, and which sessions/tokens passed the second factor.

-- disabled_at: deactivated by an admin (a leaver); locked_until now only means an admin's lock.
-- totp_secret / totp_pending: the TOTP key sealed with AES-GCM under a key kept outside the database.
-- totp_last_step: the last 30-second step whose code was accepted, so a code is never accepted twice.
ALTER TABLE staff_account ADD COLUMN disabled_at BIGINT;
ALTER TABLE staff_account ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_account ADD COLUMN totp_pending TEXT;
ALTER TABLE staff_account ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE staff_account ADD COLUMN totp_enrolled_at BIGINT;
-- auth_epoch goes up on a password reset, a lock, a deactivation or a two-factor reset; a session or token is only
-- good while it carries the account's current epoch, so each of those ends every session and token at once.
ALTER TABLE staff_account ADD COLUMN auth_epoch BIGINT NOT NULL DEFAULT 0;
-- Automatic lockouts moved to sign_in_throttle; clear any lock the old counter left behind.
UPDATE staff_account SET failed_attempts = 0, locked_until = NULL;

-- One-time recovery codes, stored as a keyed hash (HMAC under the same outside key).
CREATE TABLE staff_recovery_code (
    staff_id  BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    code_hash TEXT    NOT NULL,
    used_at   BIGINT,
    PRIMARY KEY (staff_id, code_hash)
);

-- Failure counters for sign-in throttling. key is a keyed hash of (kind, username and/or source address), so
-- neither typed usernames (sometimes a password typed in the wrong box) nor addresses are kept in clear.
CREATE TABLE sign_in_throttle (
    key          TEXT    PRIMARY KEY,
    failures     BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    locked_until BIGINT
);

-- Tokens expire; tokens issued before this change get 90 days from issue, and at least 14 days from now.
ALTER TABLE api_token ADD COLUMN expires_at BIGINT;
ALTER TABLE api_token ADD COLUMN mfa BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_token ADD COLUMN auth_epoch BIGINT NOT NULL DEFAULT 0;
UPDATE api_token SET expires_at = GREATEST(created_at + 7776000000,
    CAST(extract(epoch FROM now()) AS BIGINT) * 1000 + 1209600000);

-- mfa = 1 once the session passed the second factor (or enrolled it).
ALTER TABLE console_session ADD COLUMN mfa BIGINT NOT NULL DEFAULT 0;
ALTER TABLE console_session ADD COLUMN auth_epoch BIGINT NOT NULL DEFAULT 0;
