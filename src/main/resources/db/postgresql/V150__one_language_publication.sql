-- Welsh Language Standards: what the office publishes is bilingual. A newsletter, consultation or event with a text
-- in one language only may go out only with a reason staff gave ("English only because ..."), kept here and shown
-- in the Compact report. One row per item; published_at is set when it actually went out.
CREATE TABLE one_language_publication (
    kind         TEXT    NOT NULL,
    item_id      BIGINT NOT NULL,
    reference    TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    declared_by  TEXT    NOT NULL,
    declared_at  BIGINT NOT NULL,
    published_at BIGINT,
    PRIMARY KEY (kind, item_id)
);
