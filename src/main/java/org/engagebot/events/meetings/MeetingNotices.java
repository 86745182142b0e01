package org.engagebot.events.meetings;

import jakarta.inject.Singleton;
import org.engagebot.channel.Attachment;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxAttachments;
import org.engagebot.conversation.Language;
import org.engagebot.events.EmailHtml;
import org.engagebot.events.EventTexts;
import org.engagebot.events.Ics;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Written notice of a sitting to every attendee by email, in Welsh and English (the attendees' language is not
 * recorded): when, where, purpose and lead, with meeting.ics and the sitting's agenda and papers attached. An
 * alternative-date notice says what moved where; its .ics has the same UID with a higher SEQUENCE so calendars
 * move the entry. Queued in the caller's transaction; each notice is recorded and audited.
 */
@Singleton
class MeetingNotices {
    static final String BATCH = "meeting-notice";

    private final MeetingStore store;
    private final OutboxAttachments files;
    private final Outbox outbox;
    private final EventTexts texts;
    private final AuditLog audit;
    private final Transactions tx;

    MeetingNotices(MeetingStore store, OutboxAttachments files, Outbox outbox, EventTexts texts, AuditLog audit,
                   Transactions tx) {
        this.store = store;
        this.files = files;
        this.outbox = outbox;
        this.texts = texts;
        this.audit = audit;
        this.tx = tx;
    }

    /** Runs a notice in one write transaction and wakes the email sender after it commits. */
    int send(java.util.function.Supplier<Integer> notice) {
        int n = tx.write(notice);
        if (n > 0) {
            outbox.wake("email");
        }
        return n;
    }

    /** The regular notice (or one sent by hand) for the next sitting; answers how many were sent. */
    int notice(Meeting m, String actor, Instant now) {
        List<MeetingStore.Paper> papers = store.papers(m.id(), m.nextAt());
        String subject = both(l -> texts.say("meetings.notice.subject", l, m.name(), EventTexts.day(m.nextAt(), l)));
        String text = both(l -> body(m, l) + "\n\n" + (papers.isEmpty() ? texts.say("meetings.notice.no-papers", l)
                : texts.say("meetings.notice.papers", l, papers.stream().map(MeetingStore.Paper::filename)
                .collect(Collectors.joining(", ")))) + "\n\n" + texts.say("meetings.notice.calendar", l));
        int n = send(m, subject, text, papers);
        store.markNoticed(m.id(), m.nextAt());
        store.recordNotice(m.id(), "NOTICE", m.nextAt(), null, n, papers.size(), actor, now);
        audit.record(actor, "meeting.notice", "M-" + m.id(), n + " attendees, " + papers.size() + " papers");
        return n;
    }

    /** Moves the next sitting to {@code to} and tells the attendees; answers how many. */
    int alternative(Meeting m, Instant to, String reason, String actor, Instant now) {
        Instant from = m.nextAt();
        store.moveTo(m.id(), from, to, true);
        Meeting moved = store.byId(m.id()).orElseThrow();
        List<MeetingStore.Paper> papers = store.papers(m.id(), to);
        String subject = both(l -> texts.say("meetings.alternative.subject", l, m.name(), EventTexts.day(to, l)));
        String text = both(l -> texts.say("meetings.alternative.body", l, m.name(), m.body(), EventTexts.time(from, l),
                EventTexts.time(to, l), nz(m.place())) + (reason == null ? "" : "\n" + texts.say(
                "meetings.alternative.reason", l, reason)) + "\n\n" + texts.say("meetings.notice.calendar", l));
        int n = send(moved, subject, text, papers);
        store.recordNotice(m.id(), "ALTERNATIVE", to, from, n, papers.size(), actor, now);
        audit.record(actor, "meeting.alternative", "M-" + m.id(), "moved, told " + n);
        return n;
    }

    private int send(Meeting m, String subject, String text, List<MeetingStore.Paper> papers) {
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(files.store("meeting.ics", Ics.CONTENT_TYPE, Ics.bytes(List.of(entry(m)))));
        papers.forEach(p -> attachments.add(new Attachment(p.filename(), p.contentType(), p.attachmentId())));
        OutboundMessage message = new OutboundMessage(subject, text, EmailHtml.of(subject, text, null), null, List.of(),
                Map.of(), null, null, attachments);
        for (String attendee : m.attendees()) {
            outbox.enqueue("email", attendee, message, Outbox.BULK, BATCH, m.id());
        }
        return m.attendees().size();
    }

    /** The sitting as a calendar entry; its UID stays the same when the date moves. */
    static Ics.Entry entry(Meeting m) {
        String description = m.body() + (m.purpose() == null ? "" : "\n" + m.purpose())
                + (m.lead() == null ? "" : "\nLead / Arweinydd: " + m.lead());
        return new Ics.Entry(m.sittingUid(), m.nextAt(), m.nextAt().plus(java.time.Duration.ofHours(2)), m.name(),
                description, m.place(), null, m.sequence(), m.createdAt());
    }

    private String body(Meeting m, Language l) {
        return texts.say("meetings.notice.body", l, m.name(), m.body(), EventTexts.time(m.nextAt(), l), nz(m.place()),
                nz(m.purpose()), nz(m.lead()));
    }

    /** Welsh, then English (Welsh Language Standards: Welsh first when both are given). */
    private static String both(java.util.function.Function<Language, String> build) {
        return build.apply(Language.CY) + "\n\n---\n\n" + build.apply(Language.EN);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
