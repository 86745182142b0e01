-- A session's save changed its entry in an index on updated_at at every turn. Only the idle-session job (every 15
-- minutes) and retention (daily) look sessions up by updated_at; they now scan the table, which holds one row per
-- participant active within the idle timeout.
DROP INDEX conversation_session_updated;
