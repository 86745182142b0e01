package org.engagebot.events;

import org.engagebot.contacts.Profiles;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff merge two records of one organisation that both answered the same event: the event keeps one answer, the
 * later one, now the kept record's, and the merge's history says which was dropped. An event only the duplicate
 * answered moves across untouched. When the dropped answer held a place, the first person waiting gets it at once
 * and is told, as after a cancellation.
 */
class MergeDuplicateRsvpsIT {
    private static TestService service;
    private static Db db;

    @BeforeAll
    static void start() {
        service = TestService.start();
        db = service.bean(Db.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void mergeKeepsTheLaterAnswerToAnEventBothRecordsAnsweredAndSaysSo() {
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        long keep = contact("Gwent Youth Forum", "forum@gyf.example", t);
        long other = contact("GWENT YOUTH FORUM CIO", "office@gyf.example", t);
        long meeting = event("EVT-2026-0007", t);
        long surgery = event("EVT-2026-0008", t);
        rsvp(meeting, keep, "yes", t.plusSeconds(60));
        rsvp(meeting, other, "no", t.plusSeconds(3600));
        rsvp(surgery, other, "maybe", t.plusSeconds(120));

        assertThat(service.bean(Profiles.class).merge(keep, other, "admin")).isTrue();

        record Answer(long event, long contact, String personKey, String answer) {
        }
        List<Answer> answers = db.query("SELECT event_id, contact_id, person_key, answer FROM event_rsvp WHERE event_id IN "
                + "(?, ?) ORDER BY event_id", rs -> new Answer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)),
                meeting, surgery);
        assertThat(answers).containsExactly(new Answer(meeting, keep, "contact:" + keep, "no"),
                new Answer(surgery, keep, "contact:" + keep, "maybe"));
        String history = db.one("SELECT old_value FROM contact_change WHERE contact_id = ? AND field = 'merged'",
                rs -> rs.getString(1), keep).orElseThrow();
        assertThat(history).contains("record " + other,
                "RSVP to EVT-2026-0007 answered by both: kept the later answer (no), dropped the earlier (yes)")
                .doesNotContain("EVT-2026-0008");
    }

    @Test
    void mergeThatDropsAnAnswerHoldingAPlaceGivesItToTheFirstPersonWaitingAndTellsThem() {
        Instant t = Instant.parse("2026-10-02T09:00:00Z");
        long keep = contact("Rhyl Food Bank", "hello@rhylfood.example", t);
        long other = contact("Rhyl Foodbank", "info@rhylfood.example", t);
        long forum = event("EVT-2026-0009", t);
        service.bean(Transactions.class).write(() -> db.update("UPDATE event SET capacity = 1 WHERE id = ?", forum));
        rsvp(forum, keep, "yes", t.plusSeconds(60));
        rsvp(forum, other, "no", t.plusSeconds(3600));
        long waiting = service.bean(Transactions.class).write(() -> db.insert("INSERT INTO event_rsvp (event_id, "
                + "person_key, via, channel, address, language, name, email, answer, waitlisted_since, answered_at, "
                + "created_at) VALUES (?, 'email:sian@example.org', 'email', 'email', 'sian@example.org', 'cy', 'Siân', "
                + "'sian@example.org', 'yes', ?, ?, ?)", forum, t.plusSeconds(600), t.plusSeconds(600), t.plusSeconds(600)));

        assertThat(service.bean(Profiles.class).merge(keep, other, "admin")).isTrue();

        assertThat(db.one("SELECT waitlisted_since FROM event_rsvp WHERE id = ?", rs -> rs.getObject(1) == null, waiting))
                .as("no longer waiting").contains(true);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = 'email' AND address = 'sian@example.org'"))
                .as("told on her channel that a place is hers").isEqualTo(1);
    }

    private static long contact(String organisation, String email, Instant now) {
        return service.bean(Transactions.class).write(() -> db.insert("INSERT INTO contact (organisation, email, "
                + "language, subscribed, source, created_at, updated_at) VALUES (?, ?, 'en', 0, 'staff', ?, ?)",
                organisation, email, now, now));
    }

    private static long event(String reference, Instant now) {
        return service.bean(Transactions.class).write(() -> db.insert("INSERT INTO event (reference, title_en, title_cy, "
                + "description_en, description_cy, starts_at, ends_at, questions_close_at, created_by, created_at) "
                + "VALUES (?, 'Youth panel', 'Panel ieuenctid', 'About', 'Am', ?, ?, ?, 'admin', ?)", reference,
                now.plusSeconds(86_400 * 30), now.plusSeconds(86_400 * 30 + 3600), now.plusSeconds(86_400 * 29), now));
    }

    private static void rsvp(long event, long contact, String answer, Instant at) {
        service.bean(Transactions.class).write(() -> db.insert("INSERT INTO event_rsvp (event_id, person_key, contact_id, "
                + "via, answer, answered_at, created_at) VALUES (?, ?, ?, 'telegram', ?, ?, ?)", event,
                "contact:" + contact, contact, answer, at, at));
    }
}
