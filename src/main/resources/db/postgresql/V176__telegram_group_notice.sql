-- When a Telegram group was last told that the bot talks only in private chats (at most once a day per group).
CREATE TABLE telegram_group_notice (
    chat_id     TEXT    NOT NULL PRIMARY KEY,
    notified_at BIGINT  NOT NULL
);
