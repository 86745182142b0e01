package org.engagebot.platform;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Who did what, when: every staff action that changes data, sends anything, or views/exports personal data. */
@Singleton
public class AuditLog {
    private final Db db;
    private final Clock clock;

    public AuditLog(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Serdeable
    public record Entry(long id, String actor, String action, String subject, String detail, Instant at) {
    }

    /**
     * Inside a PostgreSQL transaction the row goes with the transaction's next statement or its COMMIT
     * ({@link Db#updateLater}): no round trip of its own (a registration's end records one).
     */
    public void record(String actor, String action, String subject, String detail) {
        db.updateLater("INSERT INTO audit_log (actor, action, subject, detail, at) VALUES (?, ?, ?, ?, ?)",
                actor == null ? "system" : actor, action, subject, detail, clock.instant());
    }

    public List<Entry> recent(int limit) {
        return db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", rs -> new Entry(rs.getLong("id"),
                rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getString("detail"),
                Db.instant(rs, "at")), limit);
    }
}
