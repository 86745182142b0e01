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
}
