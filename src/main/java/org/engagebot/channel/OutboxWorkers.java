package org.engagebot.channel;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.engagebot.platform.Leases;

import java.util.ArrayList;
import java.util.List;

/** Starts one outbox worker per channel sender when the service starts, and stops them on shutdown. */
@Singleton
@Requires(property = "engagebot.outbox.enabled", notEquals = "false")
public class OutboxWorkers implements ApplicationEventListener<StartupEvent> {
    private final Outbox outbox;
    private final List<ChannelSender> senders;
    private final List<OutboxWorker> workers = new ArrayList<>();
    private final Leases leases;

    public OutboxWorkers(Outbox outbox, List<ChannelSender> senders, Leases leases) {
        this.outbox = outbox;
        this.senders = senders;
        this.leases = leases;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        for (ChannelSender sender : senders) {
            // one sender per channel across instances: no row sent twice, and one rate limit (Telegram's 30/s) kept
            String lease = "outbox:" + sender.channel();
            OutboxWorker worker = new OutboxWorker(outbox, sender, () -> leases.holds(lease));
            outbox.onEnqueued(sender.channel(), worker::wake);
            Thread thread = new Thread(worker, "outbox-" + sender.channel());
            thread.setDaemon(true);
            thread.start();
            workers.add(worker);
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        workers.forEach(OutboxWorker::stop);
        workers.clear();
    }

}
