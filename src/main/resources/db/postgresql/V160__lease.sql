-- PostgreSQL only (several instances share one database; on SQLite the one process holds every lease).
-- A lease names work that must run on one instance at a time (the IMAP watcher, Telegram long polling, an outbox
-- sender per channel, the scheduled jobs). The holder renews it well before expires_at (epoch millis, the
-- database's clock); another instance takes it over once it has expired (platform/Leases).
CREATE TABLE lease (
    name       TEXT   PRIMARY KEY,
    holder     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
