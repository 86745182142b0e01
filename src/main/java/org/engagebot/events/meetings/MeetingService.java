package org.engagebot.events.meetings;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboxAttachments;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The meetings register's public face: register, list, add papers to the next sitting, send its notice now or
 * an alternative date. Papers are capped ({@code engagebot.meetings.max-paper-bytes}, default 10 MB each).
 */
@Singleton
public class MeetingService {
    private final MeetingStore store;
    private final MeetingNotices notices;
    private final OutboxAttachments files;
    private final AuditLog audit;
    private final Transactions tx;
    private final Clock clock;
    private final CalendarFeed feed;
    private final int defaultNoticeDays;
    private final long maxPaperBytes;

    MeetingService(MeetingStore store, MeetingNotices notices, OutboxAttachments files, CalendarFeed feed, AuditLog audit,
                   Transactions tx, Clock clock, @Value("${engagebot.meetings.notice-days:7}") int defaultNoticeDays,
                   @Value("${engagebot.meetings.max-paper-bytes:10485760}") long maxPaperBytes) {
        this.store = store;
        this.notices = notices;
        this.files = files;
        this.feed = feed;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.defaultNoticeDays = defaultNoticeDays;
        this.maxPaperBytes = maxPaperBytes;
    }

    /** A new meeting's id, or why the request was refused. */
    public record Registered(Long id, String error) {
    }

    public Registered register(String json, String actor) {
        Instant now = clock.instant();
        MeetingRequest.Result r = MeetingRequest.read(json, now, defaultNoticeDays);
        if (r.error() != null) {
            return new Registered(null, r.error());
        }
        long id = tx.write(() -> {
            long newId = store.insert(r.meeting(), actor, now);
            audit.record(actor, "meeting.register", "M-" + newId, r.meeting().body());
            return newId;
        });
        return new Registered(id, null);
    }

    /** The signed calendar feed URL of a staff member (events, and meetings they lead or attend). */
    public String feedUrl(String username) {
        return feed.url(username);
    }

    /** A meeting as the console lists it: the register's fields, its next sitting, and the notices sent. */
    public record Summary(long id, String name, String body, String lead, String purpose, String frequency, Instant nextAt,
                          String place, List<String> attendees, int noticeDays, Instant noticeDueAt, boolean noticed,
                          boolean isPublic, List<String> papers, List<String> notices) {
    }

    public List<Summary> summaries() {
        return all().stream().map(m -> new Summary(m.id(), m.name(), m.body(), m.lead(), m.purpose(), m.frequency().en,
                m.nextAt(), m.place(), m.attendees(), m.noticeDays(), m.noticeDueAt(), m.noticed(), m.isPublic(),
                papers(m).stream().map(MeetingStore.Paper::filename).toList(),
                notices(m).stream().map(n -> n.kind() + " for " + n.meetingAt() + ", sent " + n.sentAt() + " to "
                        + n.recipients() + " (" + n.papers() + " papers)").toList())).toList();
    }

    /** Sends the next sitting's notice now; how many attendees were written to, empty when there is no such meeting. */
    public Optional<Integer> sendNotice(long id, String actor) {
        return find(id).map(m -> noticeNow(m, actor));
    }

    /** Moves the next sitting with the alternative-date notice; empty when missing or the date is not in the future. */
    public Optional<Integer> moveSitting(long id, Instant to, String reason, String actor) {
        return find(id).flatMap(m -> alternative(m, to, reason, actor));
    }

    List<Meeting> all() {
        return store.all();
    }

    Optional<Meeting> find(long id) {
        return store.byId(id);
    }

    List<MeetingStore.Paper> papers(Meeting m) {
        return store.papers(m.id(), m.nextAt());
    }

    List<MeetingStore.Notice> notices(Meeting m) {
        return store.notices(m.id());
    }

    /** Adds a paper (base64 content) to the next sitting; answers its id, or why it was refused. */
    record Added(Long id, String error) {
    }

    Added addPaper(Meeting m, String filename, String contentType, String base64, String actor) {
        if (filename == null || filename.isBlank() || filename.length() > 200 || filename.matches(".*[/\\\\\\r\\n\"].*")) {
            return new Added(null, "filename must be a plain file name (no folders, quotes or line breaks)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64 == null ? "" : base64);
        } catch (IllegalArgumentException e) {
            return new Added(null, "content must be base64");
        }
        if (bytes.length == 0 || bytes.length > maxPaperBytes) {
            return new Added(null, "content must be 1 byte to " + maxPaperBytes + " bytes");
        }
        String type = contentType == null || !contentType.matches("[\\w.+-]+/[\\w.+-]+") ? "application/octet-stream"
                : contentType;
        Instant now = clock.instant();
        long id = tx.write(() -> {
            String stored = files.store(filename.strip(), type, bytes).id();
            long paperId = store.addPaper(m.id(), m.nextAt(), filename.strip(), type, stored, bytes.length, actor, now);
            audit.record(actor, "meeting.paper", "M-" + m.id(), filename.strip() + " (" + bytes.length + " bytes)");
            return paperId;
        });
        return new Added(id, null);
    }

    /** Sends the next sitting's notice now; answers how many attendees were written to. */
    int noticeNow(Meeting m, String actor) {
        return notices.send(() -> notices.notice(store.byId(m.id()).orElseThrow(), actor, clock.instant()));
    }

    /** Moves the next sitting and sends the alternative-date notice; empty when the date is not in the future. */
    Optional<Integer> alternative(Meeting m, Instant to, String reason, String actor) {
        Instant now = clock.instant();
        if (!to.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(notices.send(() -> notices.alternative(store.byId(m.id()).orElseThrow(), to, reason, actor, now)));
    }
}
