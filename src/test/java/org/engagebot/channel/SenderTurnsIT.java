package org.engagebot.channel;

import io.micronaut.context.ApplicationContext;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link SenderTurns} on PostgreSQL (db/postgresql V192): a message's claim changes no indexed column of the inbox,
 * so PostgreSQL can make it a HOT update (no index entry written); and the sender's turn lists the sender's
 * unprocessed messages after its latest processed one, oldest first, passing over rows stored quarantined and other
 * senders' rows. Runs whenever a PostgreSQL for tests is given (ENGAGEBOT_TEST_PG_URL), as SeveralInstancesIT.
 */
class SenderTurnsIT {
    private ApplicationContext ctx;
    private Db db;

    @BeforeEach
    void start() {
        assumeTrue(TestDatabase.postgresAvailable(), "no PostgreSQL for tests (ENGAGEBOT_TEST_PG_URL)");
        Map<String, Object> props = new HashMap<>(TestDatabase.newPostgresDatabase());
        props.putAll(Map.of("engagebot.outbox.enabled", "false", "engagebot.telegram.enabled", "false",
                "engagebot.mail.enabled", "false", "micronaut.server.enabled", "false"));
        ctx = ApplicationContext.builder().properties(props).start();
        db = ctx.getBean(Db.class);
    }

    @AfterEach
    void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void noIndexOfTheInboxCoversWhatAClaimChanges() {
        List<String> indexes = db.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'inbox'", rs -> rs.getString(1));
        assertThat(indexes).isNotEmpty();
        assertThat(indexes).noneMatch(def -> def.contains("status") || def.contains("processed_at"));
    }

    @Test
    void theTurnListsTheSendersUnprocessedMessagesAfterItsLastProcessedOne() {
        long givenUp = row("x", "RECEIVED", false); // older than a processed one: its order was already given up
        long processed = row("x", "PROCESSED", true);
        long waiting = row("x", "RECEIVED", false);
        row("y", "RECEIVED", false); // another sender's
        row("x", "QUARANTINED", false); // stored quarantined: nothing acts on it
        long alsoWaiting = row("x", "RECEIVED", false);
        long failed = row("z", "FAILED", true);
        long zWaiting = row("z", "RECEIVED", false);
        long current = row("x", "RECEIVED", false);

        SenderTurns.Turn turn = ctx.getBean(Transactions.class).write(() ->
                ctx.getBean(SenderTurns.class).take("test", "x", current, true, null));

        assertThat(turn.busy()).isFalse();
        assertThat(turn.claimed()).isTrue();
        assertThat(turn.earlier()).containsExactly(waiting, alsoWaiting);
        assertThat(status(current)).isEqualTo("PROCESSED");
        assertThat(status(givenUp)).isEqualTo("RECEIVED"); // left to its own queue
        assertThat(processed).isLessThan(failed);

        long zCurrent = row("z", "RECEIVED", false);
        SenderTurns.Turn z = ctx.getBean(Transactions.class).write(() ->
                ctx.getBean(SenderTurns.class).take("test", "z", zCurrent, true, null));
        assertThat(z.earlier()).containsExactly(zWaiting); // a failed message counts as processed
    }

    private long row(String address, String status, boolean processed) {
        long id = db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, status, received_at, processed_at) "
                        + "VALUES (?, ?, ?, 'text', 'hi', ?, 1, ?)", "test", java.util.UUID.randomUUID().toString(), address,
                status, processed ? 2L : null);
        assertThat(id).isPositive();
        return id;
    }

    private String status(long id) {
        return db.one("SELECT status FROM inbox WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }
}
