package org.engagebot.channel;

import io.micronaut.jdbc.DataSourceResolver;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many senders at once (their messages share commits): when a message's future completes, the message is committed
 * PROCESSED and its reply is committed in the outbox, as seen from a connection of its own.
 */
class InboundPipelineConcurrencyIT {

    @Test
    void eachMessageIsCommittedWithItsReplyWhenItsFutureCompletes() throws Exception {
        try (TestService service = TestService.start(Map.of("engagebot.outbox.enabled", "false"))) {
            InboundPipeline pipeline = service.bean(InboundPipeline.class);
            DataSource raw = service.bean(DataSourceResolver.class).resolve(service.bean(DataSource.class));
            int senders = 12;
            String[] script = {"/start", "English", "/help", "hello"};
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                String address = "sender-" + s;
                futures.add(pool.submit(() -> {
                    go.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < script.length; i++) {
                        String id = address + "-" + i;
                        pipeline.accept(new InboundMessage("console", id, address, null, Input.fromText(script[i]), null),
                                null).join();
                        long replies = countOnOwnConnection(raw, "SELECT count(*) FROM outbox WHERE address = ?", address);
                        long processed = countOnOwnConnection(raw,
                                "SELECT count(*) FROM inbox WHERE external_id = ? AND status = 'PROCESSED'", id);
                        if (processed != 1 || replies < i + 1) {
                            problems.add(id + ": processed " + processed + ", replies " + replies);
                        }
                    }
                    return problems;
                }));
            }
            go.countDown();
            for (Future<List<String>> f : futures) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isEmpty();
            }
            pool.shutdown();
            Db db = service.bean(Db.class);
            assertThat(db.count("SELECT count(*) FROM inbox WHERE address LIKE 'sender-%' AND status = 'PROCESSED'"))
                    .isEqualTo((long) senders * script.length);
        }
    }

    private static long countOnOwnConnection(DataSource raw, String sql, String param) throws Exception {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
