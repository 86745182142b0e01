package org.engagebot.channel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SendWindowTest {
    private record Send(long start, long finish) {
    }

    /**
     * Whatever the jitter, a send never starts while {@code limit} others are in flight or finished less than a
     * second ago, so no sliding second at the server can see more than {@code limit} of them.
     */
    @Test
    void neverLetsMoreThanTheLimitIntoAnySecondWhateverTheLatencyOrUrgency() throws Exception {
        int limit = 40;
        SendWindow window = new SendWindow(limit);
        List<Send> sends = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 140; i++) {
            boolean urgent = i % 7 == 0;
            pool.submit(() -> {
                window.enter(urgent);
                long start = System.nanoTime();
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 30));
                long finish = System.nanoTime();
                window.exit();
                sends.add(new Send(start, finish));
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(sends).hasSize(140);
        for (Send s : sends) {
            long overlapping = sends.stream().filter(o -> o != s && o.start() <= s.start()
                    && o.finish() > s.start() - 1_000_000_000L).count();
            assertThat(overlapping).as("sends counted when one started").isLessThan(limit);
        }
    }

    @Test
    void aLimitOfZeroNeverWaits() throws Exception {
        SendWindow window = new SendWindow(0);
        for (int i = 0; i < 10_000; i++) {
            window.enter(false);
            window.exit();
        }
    }
}
