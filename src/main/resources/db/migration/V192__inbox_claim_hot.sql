-- PostgreSQL only (db/postgresql/V192: the claim of an inbox row as a HOT update, without the status index).
-- SQLite keeps inbox_status: it has no HOT updates, and its start-up resume reads through it.
SELECT 1;
