package org.engagebot.sessions;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.IdleSessions;
import org.engagebot.platform.OneInstance;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Delivers what {@link IdleSessions} has to say about unfinished conversations (a reminder after a day, a
 * closing message after the idle timeout) through the outbox, on channels that can be written to later
 * (Telegram, email). Runs every {@code engagebot.session.check-interval} (15 minutes).
 */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class IdleSessionJob {
    static final String BATCH = "session";
    private static final Set<String> REACHABLE = Set.of("telegram", "email");
    private static final Logger LOG = LoggerFactory.getLogger(IdleSessionJob.class);

    private final IdleSessions idle;
    private final Notifier notifier;
    private final Transactions transactions;

    IdleSessionJob(IdleSessions idle, Notifier notifier, Transactions transactions) {
        this.idle = idle;
        this.notifier = notifier;
        this.transactions = transactions;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.session.check-interval:15m}", initialDelay = "2m")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            LOG.info("Queued {} messages about unfinished conversations", sent);
        }
    }

    /** Queues due reminders and closing messages; returns how many. */
    int run() {
        Set<String> channels = new HashSet<>();
        int sent = transactions.write(() -> deliver(idle.remind(), channels) + deliver(idle.close(), channels));
        channels.forEach(notifier::wake);
        return sent;
    }

    private int deliver(List<IdleSessions.Notice> notices, Set<String> channels) {
        int n = 0;
        for (IdleSessions.Notice notice : notices) {
            Notifier.Recipient to = Notifier.Recipient.of(notice.participant());
            if (REACHABLE.contains(to.channel())) {
                OutboundMessage message = OutboundMessage.of(notice.reply()).withSubject(notice.subject().label(to.language()));
                notifier.send(to, message, Outbox.REPLY, BATCH, null);
                channels.add(to.channel());
                n++;
            }
        }
        return n;
    }
}
