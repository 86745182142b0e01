package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Text;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The newsletter table. Status changes are conditional updates, so two threads cannot both claim a step. */
@Singleton
class NewsletterStore {
    private final Db db;

    NewsletterStore(Db db) {
        this.db = db;
    }

    long insert(Newsletter.Kind kind, Text title, Text body, List<String> tags, Audience audience, String createdBy,
                Instant now) {
        return db.insert("INSERT INTO newsletter (kind, title_en, title_cy, body_en, body_cy, tags, audience, status, "
                        + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)", kind, title.en(), title.cy(),
                body.en(), body.cy(), String.join(",", tags), Outbox.json(audience), createdBy, now);
    }

    Optional<Newsletter> byId(long id) {
        return db.one("SELECT * FROM newsletter WHERE id = ?", NewsletterStore::map, id);
    }

    boolean schedule(long id, Instant at) {
        return db.update("UPDATE newsletter SET status = 'SCHEDULED', send_at = ? WHERE id = ? "
                + "AND status IN ('DRAFT', 'SCHEDULED')", at, id) == 1;
    }

    List<Long> due(Instant now) {
        return db.query("SELECT id FROM newsletter WHERE status = 'SCHEDULED' AND send_at <= ? ORDER BY send_at, id",
                rs -> rs.getLong(1), now);
    }

    boolean startEnqueuing(long id, Instant now) {
        return db.update("UPDATE newsletter SET status = 'ENQUEUING', started_at = ? WHERE id = ? AND status = 'SCHEDULED'",
                now, id) == 1;
    }

    List<Long> withStatus(Newsletter.Status status) {
        return db.query("SELECT id FROM newsletter WHERE status = ? ORDER BY id", rs -> rs.getLong(1), status);
    }

    /**
     * Moves the enqueue cursor from {@code from} to {@code to}; false when it is no longer at {@code from} (another
     * instance enqueued that page first) or the newsletter is no longer being enqueued.
     */
    boolean advance(long id, long from, long to, int onHold, int noChannel) {
        return db.update("UPDATE newsletter SET cursor = ?, skipped_on_hold = skipped_on_hold + ?, "
                + "skipped_no_channel = skipped_no_channel + ? WHERE id = ? AND status = 'ENQUEUING' AND cursor = ?",
                to, onHold, noChannel, id, from) == 1;
    }

    void markSending(long id) {
        db.update("UPDATE newsletter SET status = 'SENDING' WHERE id = ? AND status = 'ENQUEUING'", id);
    }

    boolean markSent(long id, Instant now) {
        return db.update("UPDATE newsletter SET status = 'SENT', sent_at = ? WHERE id = ? AND status = 'SENDING'", now, id) == 1;
    }

    List<Newsletter> published(Newsletter.Kind kind, int limit) {
        return db.query("SELECT * FROM newsletter WHERE kind = ? AND status IN ('SENDING', 'SENT') "
                + "ORDER BY started_at DESC, id DESC LIMIT ?", NewsletterStore::map, kind, limit);
    }

    List<Newsletter> recent(int limit) {
        return db.query("SELECT * FROM newsletter ORDER BY id DESC LIMIT ?", NewsletterStore::map, limit);
    }

    long startedSince(Newsletter.Kind kind, Instant since) {
        return db.count("SELECT count(*) FROM newsletter WHERE kind = ? AND started_at >= ?", kind, since);
    }

    private static Newsletter map(ResultSet rs) throws SQLException {
        String tags = rs.getString("tags");
        return new Newsletter(rs.getLong("id"), Newsletter.Kind.valueOf(rs.getString("kind")),
                new Text(rs.getString("title_en"), rs.getString("title_cy")),
                new Text(rs.getString("body_en"), rs.getString("body_cy")),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                Outbox.read(rs.getString("audience"), Audience.class), Newsletter.Status.valueOf(rs.getString("status")),
                Db.instant(rs, "send_at"), rs.getLong("cursor"), rs.getLong("skipped_on_hold"),
                rs.getLong("skipped_no_channel"), rs.getString("created_by"), Db.instant(rs, "created_at"),
                Db.instant(rs, "started_at"), Db.instant(rs, "sent_at"));
    }
}
