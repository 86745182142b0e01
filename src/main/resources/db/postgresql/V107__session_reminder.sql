-- When an unfinished conversation was last reminded ("you were part-way through …"): once per idle spell,
-- i.e. again only after the participant has answered since.
ALTER TABLE conversation_session ADD COLUMN reminded_at BIGINT;
CREATE INDEX conversation_session_updated ON conversation_session (updated_at);
