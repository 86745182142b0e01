package org.engagebot.events.meetings;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.platform.OneInstance;
import org.engagebot.platform.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * By the service's clock: moves each meeting whose sitting has passed on to its next date (by its frequency; an
 * ad hoc meeting stays until staff set one), then sends every notice now due ({@code noticeDays} before the
 * sitting, once per sitting). Checks every {@code engagebot.meetings.notice-check} (default 15 minutes).
 */
@Singleton
@Requires(property = "engagebot.chat", notEquals = "true") // the service's, not the terminal chat's
class NoticeJob {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeJob.class);

    private final MeetingStore store;
    private final MeetingNotices notices;
    private final Transactions tx;
    private final Clock clock;

    NoticeJob(MeetingStore store, MeetingNotices notices, Transactions tx, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.meetings.notice-check:15m}", initialDelay = "1m")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            LOG.info("Queued {} meeting notices", sent);
        }
    }

    /** Answers how many notices (emails) were queued. */
    int run() {
        Instant now = clock.instant();
        for (Meeting m : store.passed(now)) {
            if (m.frequency().step != null) {
                ZonedDateTime next = m.nextAt().atZone(org.engagebot.events.EventTimes.ZONE);
                while (!next.toInstant().isAfter(now)) {
                    next = next.plus(m.frequency().step);
                }
                Instant to = next.toInstant();
                tx.run(() -> store.rollOn(m.id(), to));
            }
        }
        int sent = 0;
        for (Meeting m : store.noticeDue(now)) {
            sent += notices.send(() -> notices.notice(m, "scheduler", now));
        }
        return sent;
    }
}
