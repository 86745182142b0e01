-- The browser a console session signed in from (a SHA-256 of its User-Agent): its cookie from any other is refused.
-- Sessions from before have none and keep working until they end.
ALTER TABLE console_session ADD COLUMN browser TEXT;
