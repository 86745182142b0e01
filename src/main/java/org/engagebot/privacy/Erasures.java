package org.engagebot.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.conversation.Messages;
import org.engagebot.platform.Db;
import org.engagebot.platform.OneInstance;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Carries out erasures so that none holds the writer lock for long and none is left half done. Asking records a
 * privacy_erasure row (ids only) in the asker's transaction; after it commits, the person's stored messages are
 * erased in chunks ({@link Eraser#eraseMessages}), then one transaction erases the rest, deletes the row, audits,
 * tells staff and queues the goodbye (so a goodbye is only sent once everything is gone); last, the WAL is
 * checkpointed and truncated, so no old copy of an erased page stays in the -wal file. Every step is idempotent:
 * an erasure a crash cut short is simply run again by {@link #resumeUnfinished} (at start-up and every few
 * minutes). One run per erasure at a time.
 */
@Singleton
class Erasures {
    private static final Logger LOG = LoggerFactory.getLogger(Erasures.class);

    private final Db db;
    private final Transactions tx;
    private final PersonFinder finder;
    private final Eraser eraser;
    private final AuditLog audit;
    private final ErasureNotice notice;
    private final Notifier notifier;
    private final Messages messages;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    Erasures(Db db, Transactions tx, PersonFinder finder, Eraser eraser, AuditLog audit, ErasureNotice notice,
             Notifier notifier, Messages messages, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.finder = finder;
        this.eraser = eraser;
        this.audit = audit;
        this.notice = notice;
        this.notifier = notifier;
        this.messages = messages;
        this.clock = clock;
    }

    /** Who asked and how, for the audit trail; whom to say goodbye to (a participant id) with which message. */
    record Request(String actor, String how, Long goodbyeTo, String goodbyeKey) {
    }

    /** Records the erasure in the caller's transaction; it runs after that commits. Returns its id. */
    long request(Person person, Request request) {
        long id = record(person, request);
        tx.afterCommit(() -> complete(id));
        return id;
    }

    /** Records the erasure in the caller's transaction without running it. */
    long record(Person person, Request r) {
        return db.insert("INSERT INTO privacy_erasure (contact_id, participant_ids, actor, how, goodbye_to, goodbye_key, "
                        + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)", person.contactId(),
                person.participantIds().stream().map(String::valueOf).collect(Collectors.joining(",")), r.actor(), r.how(),
                r.goodbyeTo(), r.goodbyeKey(), clock.instant());
    }

    private record Pending(long id, Long contactId, List<Long> participantIds, Request request) {
    }

    /** Runs a recorded erasure to the end, outside any transaction; empty when it is not (or no longer) pending. */
    Optional<Eraser.Counts> complete(long id) {
        if (!running.add(id)) {
            return Optional.empty();
        }
        try {
            Optional<Pending> pending = pending(id);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            Person person = finder.resume(pending.get().contactId(), pending.get().participantIds());
            Eraser.Counts messagesErased = eraser.eraseMessages(person);
            Optional<Eraser.Counts> done = Optional.ofNullable(tx.write(() -> finish(pending.get(), person)))
                    .map(messagesErased::plus);
            done.ifPresent(counts -> LOG.info("Erased {} ({}): {}", subject(person), pending.get().request().how(),
                    counts.describe()));
            if (!db.checkpointTruncate()) {
                LOG.warn("WAL checkpoint after erasure {} was kept from finishing by readers; the next one will", id);
            }
            notifier.wake("email");
            notifier.wake("telegram");
            return done;
        } finally {
            running.remove(id);
        }
    }

    private Eraser.Counts finish(Pending p, Person person) {
        if (db.update("DELETE FROM privacy_erasure WHERE id = ?", p.id()) == 0) {
            return null;
        }
        Optional<Notifier.Recipient> goodbye = p.request().goodbyeTo() == null ? Optional.empty()
                : notifier.participant(p.request().goodbyeTo());
        Eraser.Counts counts = eraser.erase(person);
        String subject = subject(person);
        audit.record(p.request().actor(), "privacy.erase", subject, p.request().how() + ", " + counts.describe());
        notice.tellStaff(subject, p.request().how());
        goodbye.ifPresent(to -> {
            long outboxId = notifier.reply(to, messages.get(p.request().goodbyeKey()), null, null, null);
            db.insert("INSERT INTO privacy_scrub (outbox_id, created_at) VALUES (?, ?)", outboxId, clock.instant());
        });
        return counts;
    }

    /** Finishes erasures a crash or shutdown cut short. */
    @OneInstance
    @Scheduled(fixedDelay = "${engagebot.privacy.erasure-resume:5m}", initialDelay = "5s")
    void resumeUnfinished() {
        for (long id : db.query("SELECT id FROM privacy_erasure ORDER BY id", rs -> rs.getLong(1))) {
            complete(id);
        }
    }

    private Optional<Pending> pending(long id) {
        return db.one("SELECT * FROM privacy_erasure WHERE id = ?", rs -> new Pending(rs.getLong("id"),
                Db.nullableLong(rs, "contact_id"), ids(rs.getString("participant_ids")), new Request(rs.getString("actor"),
                rs.getString("how"), Db.nullableLong(rs, "goodbye_to"), rs.getString("goodbye_key"))), id);
    }

    private static List<Long> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }

    static String subject(Person person) {
        return person.registered() ? "contact:" + person.contactId()
                : "participant:" + person.participantIds().stream().findFirst().orElse(0L);
    }
}
