-- A session's save changed its entry in an index on updated_at at every turn, so no save could be a HOT update (one
-- that writes no index entry). Only the idle-session job (every 15 minutes) and retention (daily) look sessions up by
-- updated_at; they now scan the table, which holds one row per participant active within the idle timeout. Pages
-- are left a third free so that a save's new row version fits beside the old one (HOT needs the same page).
DROP INDEX conversation_session_updated;
ALTER TABLE conversation_session SET (fillfactor = 70);
