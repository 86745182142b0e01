package org.engagebot.privacy;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention over more rows than one chunk reaches every row that is due, and only those. */
class RetentionInChunksIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void blanksEveryDueRowAcrossChunksAndLeavesTheRest() {
        Db db = service.bean(Db.class);
        Instant now = service.bean(Clock.class).instant();
        Instant old = now.minus(Duration.ofDays(400));
        for (int i = 0; i < 1100; i++) {
            boolean due = i % 11 != 0;
            db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, received_at) "
                    + "VALUES ('console', ?, 'chunks', 'text', 'body', ?, ?, ?)", "chunk-" + i, "raw".getBytes(),
                    i % 13 == 0 ? "RECEIVED" : "PROCESSED", due ? old : now);
            db.insert("INSERT INTO outbox (channel, address, priority, payload, status, not_before, created_at, sent_at) "
                    + "VALUES ('chunks', 'x', 1, '{}', 'SENT', ?, ?, ?)", old, due ? old : now, due ? old : now);
        }
        long dueInbox = db.count("SELECT count(*) FROM inbox WHERE address = 'chunks' AND received_at < ? "
                + "AND status <> 'RECEIVED'", now.minus(Duration.ofDays(100)));

        var counts = service.bean(RetentionJob.class).runOnce();

        assertThat(counts.get("raw-inbound")).isEqualTo((int) dueInbox);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE address = 'chunks' AND raw IS NULL")).isEqualTo(dueInbox);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE address = 'chunks' AND status = 'RECEIVED' AND raw IS NULL"))
                .isZero();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = 'chunks'")).isEqualTo(100);
        assertThat(service.bean(RetentionJob.class).runOnce().get("raw-inbound")).isZero();
    }
}
