package org.engagebot.platform;

import io.micronaut.context.ApplicationContext;
import org.engagebot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Db#updateLater}: on PostgreSQL a write held back to go with the transaction's next statement or its COMMIT
 * is seen by the transaction's next read, is committed with it, and when it fails the whole transaction rolls back
 * (what came before it too), as a write run at once would. On SQLite it runs at once; the same checks hold. Runs on
 * both databases (in the PostgreSQL pass with ENGAGEBOT_TEST_DATABASE=postgresql).
 */
class HeldBackWritesIT {
    @TempDir
    Path dir;
    private ApplicationContext ctx;
    private Db db;
    private Transactions tx;

    @BeforeEach
    void start() {
        Map<String, Object> props = new HashMap<>(TestDatabase.properties(dir));
        props.putAll(Map.of("engagebot.outbox.enabled", "false", "engagebot.telegram.enabled", "false",
                "engagebot.mail.enabled", "false", "micronaut.server.enabled", "false"));
        ctx = ApplicationContext.builder().properties(props).start();
        db = ctx.getBean(Db.class);
        tx = ctx.getBean(Transactions.class);
        db.update("CREATE TABLE held_probe (name TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    }

    @AfterEach
    void stop() {
        ctx.close();
    }

    @Test
    void aHeldBackWriteIsReadInItsTransactionAndCommittedWithIt() {
        long seen = tx.write(() -> {
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "a", 1);
            db.updateLater("UPDATE held_probe SET n = n + ? WHERE name = ?", 10, "a");
            return db.count("SELECT n FROM held_probe WHERE name = ?", "a");
        });
        assertThat(seen).as("the transaction's own read sees both writes, in order").isEqualTo(11);
        tx.run(() -> {
            db.update("INSERT INTO held_probe (name, n) VALUES (?, ?)", "b", 2);
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "c", 3); // goes with the COMMIT
        });
        assertThat(db.count("SELECT count(*) FROM held_probe")).isEqualTo(3);
        assertThat(db.count("SELECT n FROM held_probe WHERE name = ?", "c")).isEqualTo(3);
    }

    @Test
    void aFailingHeldBackWriteRollsTheWholeTransactionBack() {
        db.update("INSERT INTO held_probe (name, n) VALUES (?, ?)", "taken", 0);
        assertThatThrownBy(() -> tx.run(() -> {
            db.update("INSERT INTO held_probe (name, n) VALUES (?, ?)", "before", 1);
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "later", 2);
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "taken", 3); // a duplicate key
        })).isInstanceOf(RuntimeException.class);
        assertThat(db.count("SELECT count(*) FROM held_probe")).as("only the row from before the transaction").isEqualTo(1);
        // the pool's connections are healthy afterwards: a new transaction commits
        tx.run(() -> db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "after", 4));
        assertThat(db.count("SELECT count(*) FROM held_probe")).isEqualTo(2);
    }

    @Test
    void heldBackWritesGoAheadOfTheNextStatementAndFailWithIt() {
        tx.run(() -> {
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "a", 1);
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "b", 2);
            assertThat(db.update("UPDATE held_probe SET n = n + 1 WHERE name = ?", "b"))
                    .as("the update's own count, not the held-back inserts'").isEqualTo(1);
            db.updateLater("UPDATE held_probe SET n = n + ? WHERE name = ?", 10, "a");
            assertThat(db.query("SELECT name, n FROM held_probe ORDER BY name", rs -> rs.getString(1) + rs.getInt(2)))
                    .containsExactly("a11", "b3");
        });
        assertThatThrownBy(() -> tx.run(() -> {
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "c", 3);
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "a", 4); // a duplicate key
            db.count("SELECT count(*) FROM held_probe");
        })).isInstanceOf(RuntimeException.class);
        assertThat(db.count("SELECT count(*) FROM held_probe")).as("nothing of the failed transaction").isEqualTo(2);
    }

    /**
     * An INSERT in a PostgreSQL transaction takes the held-back writes ahead of it in its round trip and still hands
     * back its own new id (-1 when ON CONFLICT DO NOTHING inserted nothing); a failure among them fails it.
     */
    @Test
    void anInsertTakesTheHeldBackWritesAlongAndReturnsItsId() {
        db.update(db.dialect().postgres() ? "CREATE TABLE held_rows (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT UNIQUE)"
                : "CREATE TABLE held_rows (id INTEGER PRIMARY KEY, name TEXT UNIQUE)");
        String insert = "INSERT INTO held_rows (name) VALUES (?) ON CONFLICT (name) DO NOTHING";
        db.insert(insert, "first"); // the INSERT's table is known from then on (Db learns whether it has an id)
        long[] ids = tx.write(() -> {
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "a", 1);
            db.updateLater("UPDATE held_probe SET n = n + ? WHERE name = ?", 10, "a");
            long b = db.insert(insert, "b");
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "c", 3);
            long again = db.insert(insert, "b");
            return new long[]{b, again, db.count("SELECT n FROM held_probe WHERE name = ?", "a")};
        });
        assertThat(ids[0]).isEqualTo(db.count("SELECT id FROM held_rows WHERE name = ?", "b"));
        assertThat(ids[1]).as("nothing inserted").isEqualTo(-1L);
        assertThat(ids[2]).as("the held-back writes went first, in order").isEqualTo(11);
        assertThat(db.count("SELECT count(*) FROM held_probe")).isEqualTo(2);
        assertThatThrownBy(() -> tx.run(() -> {
            db.updateLater("INSERT INTO held_probe (name, n) VALUES (?, ?)", "a", 4); // a duplicate key
            db.insert(insert, "d");
        })).isInstanceOf(RuntimeException.class);
        assertThat(db.count("SELECT count(*) FROM held_rows WHERE name = ?", "d")).as("rolled back").isZero();
    }

    /**
     * Db.oneThenOne sends two statements in one round trip; the second must read on a snapshot taken after the first
     * ended (SenderTurns takes the sender's lock in the first and reads the participant in the second): here the
     * first waits for a lock that another transaction holds while it changes a row, and the second sees the change.
     */
    @Test
    void theSecondOfTwoStatementsSentTogetherReadsWhatCommittedWhileTheFirstWaited() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.dialect().postgres(), "PostgreSQL only");
        db.update("INSERT INTO held_probe (name, n) VALUES (?, ?)", "x", 1);
        javax.sql.DataSource raw = ctx.getBean(io.micronaut.jdbc.DataSourceResolver.class)
                .resolve(ctx.getBean(javax.sql.DataSource.class));
        try (java.sql.Connection other = raw.getConnection(); java.sql.Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("SELECT pg_advisory_xact_lock(4242)");
            var reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> tx.write(() -> db.oneThenOne(
                    new Db.Query<>("SELECT pg_advisory_xact_lock(4242)", rs -> true),
                    new Db.Query<>("SELECT n FROM held_probe WHERE name = ?", rs -> rs.getInt(1), "x"))));
            Thread.sleep(300); // the reader's first statement is waiting for the lock by now
            s.executeUpdate("UPDATE held_probe SET n = 2 WHERE name = 'x'");
            other.commit();
            assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS).second()).contains(2);
        }
    }
}
