package org.engagebot.channel;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.FlowCompleter;
import org.engagebot.conversation.FlowSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Once the server listens, a thread of its own creates what the first inbound message needs and /health does not:
 * the engine, the flow actions and every service they take, the flow sources and the inbound pipeline (about a third
 * of the start-up's main thread before). The flows themselves were checked before the server listened (FlowRegistry,
 * against the actions' names), so a flow naming a missing action still stops start-up. A message that arrives first
 * does not wait for this thread: it creates the same beans itself, and a bean being created on the other thread is
 * waited for (Micronaut locks each singleton while it is created). A failure here is logged as an ERROR and turns
 * /health DOWN ({@link WarmUpHealthIndicator}), since no message could be processed either.
 */
@Singleton
@Requires(property = "engagebot.warm-up.enabled", notEquals = "false")
public class WarmUp implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

    /** What /health says for staff. */
    public enum State { WAITING, RUNNING, READY, FAILED }

    private final ApplicationContext context;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile State state = State.WAITING;
    private volatile String failure;

    WarmUp(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (state != State.WAITING) {
            return;
        }
        state = State.RUNNING;
        Thread thread = new Thread(this::run, "warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            context.getBean(ConversationEngine.class);
            context.getBean(FlowCompleter.class);
            context.getBeansOfType(FlowSource.class);
            context.getBean(InboundPipeline.class);
            state = State.READY;
            LOG.debug("Warm-up done in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        } catch (RuntimeException e) {
            if (!context.isRunning()) {
                state = State.WAITING; // stopped while warming up (a short run, a test): nothing is wrong
                return;
            }
            failure = e.getClass().getSimpleName();
            state = State.FAILED;
            LOG.error("Warm-up failed: the engine and the flow actions could not be created, so no message can be "
                    + "processed", e);
        } finally {
            done.countDown();
        }
    }

    public State state() {
        return state;
    }

    /** The exception's class when FAILED, else null. */
    public String failure() {
        return failure;
    }

    /** Waits until the warm-up has finished (or failed); false when it has not within the timeout or never started. */
    public boolean await(Duration timeout) throws InterruptedException {
        return state != State.WAITING && done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
