package org.engagebot.channel;

import io.micronaut.context.ApplicationContext;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox marks a group of finished sends SENT in one batch (on PostgreSQL one round trip, not one a row): each
 * row gets its own external id, the extra records run, and a failed batch leaves the cached statement usable.
 * Runs on SQLite, and on PostgreSQL in the PostgreSQL pass.
 */
class OutboxMarkSentIT {
    @TempDir
    Path dir;
    private ApplicationContext ctx;
    private Outbox outbox;
    private Db db;

    @BeforeEach
    void start() {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties(dir));
        props.putAll(Map.of("engagebot.outbox.enabled", "false", "engagebot.telegram.enabled", "false",
                "engagebot.mail.enabled", "false", "micronaut.server.enabled", "false"));
        ctx = ApplicationContext.builder().properties(props).start();
        outbox = ctx.getBean(Outbox.class);
        db = ctx.getBean(Db.class);
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void aGroupOfSendsIsMarkedSentWithEachRowsOwnExternalId() {
        for (int i = 0; i < 250; i++) {
            outbox.enqueue("telegram", "chat-" + i, OutboundMessage.text("hello " + i), Outbox.BULK, "test", 1L);
        }
        List<OutboxItem> claimed = outbox.claim("telegram", 250);
        assertThat(claimed).hasSize(250);
        AtomicInteger extras = new AtomicInteger();
        List<Outbox.Sent> sent = new ArrayList<>();
        for (OutboxItem item : claimed.subList(0, 200)) {
            sent.add(new Outbox.Sent(item.id(), "ext-" + item.id(), item.id() % 2 == 0 ? extras::incrementAndGet : null));
        }

        outbox.markSentAll(sent);

        assertThat(outbox.batchCounts("test", 1L)).containsEntry("SENT", 200L).containsEntry("SENDING", 50L);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE status = 'SENT' AND external_id = 'ext-' || id "
                + "AND sent_at IS NOT NULL")).isEqualTo(200);
        assertThat(extras.get()).isEqualTo(100);
    }

    @Test
    void aBatchThatFailsLeavesTheCachedStatementUsable() {
        long id = outbox.enqueue("telegram", "chat-1", OutboundMessage.text("hello"), Outbox.BULK, "test", 2L);
        String sql = "UPDATE outbox SET address = ? WHERE id = ?";
        // the second row breaks the NOT NULL rule on either database
        assertThatThrownBy(() -> db.batch(sql, List.<Object[]>of(new Object[]{"chat-2", id}, new Object[]{null, id})))
                .isInstanceOf(RuntimeException.class);

        assertThat(db.batch(sql, List.<Object[]>of(new Object[]{"chat-3", id}))).isEqualTo(1);
        assertThat(db.one("SELECT address FROM outbox WHERE id = ?", rs -> rs.getString(1), id)).contains("chat-3");
        assertThat(db.batch(sql, List.of())).isZero();
    }
}
