package org.engagebot.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newsletter, a consultation and an event, each sent through its own staff API to the same audience (Gwynedd,
 * children and young people, Welsh), reach people by one rule, contacts' Reachability: an organisation working in
 * several areas matches any of them; the remit or sector filters; the language is the contact's own or the one it
 * chose in its chat; an address on hold gets nothing while the same contact's chat does. Consent depends only on the
 * purpose: consultations and events ask for the "contact" consent (withdrawn: left out of both), the newsletter
 * asks for its own per channel (unsubscribed: left out of it only).
 */
class AudienceRuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "{\"areas\": [\"gwynedd\"], \"remits\": [\"Children and young people\"], "
            + "\"languages\": [\"cy\"]}";
    private static TestService service;
    private static Db db;

    @BeforeAll
    static void start() {
        service = TestService.start();
        db = service.bean(Db.class);
        Participants participants = service.bean(Participants.class);
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        service.bean(Transactions.class).write(() -> {
            long a = contact("a@several-areas.example", "conwy,gwynedd", "youth", "cy", true, now);
            consent(a, "contact", true, now);
            long b = contact("b@on-hold.example", "gwynedd", "youth", "cy", true, now);
            db.update("UPDATE contact SET email_on_hold = 1 WHERE id = ?", b);
            consent(b, "contact", true, now);
            consent(b, "newsletter-telegram", true, now);
            link(b, participants.identify("telegram", "2001", null).id());
            long c = contact("c@other-sector.example", "gwynedd", "housing", "cy", true, now);
            consent(c, "contact", true, now);
            long d = contact("d@withdrew-contact.example", "gwynedd", "youth", "cy", true, now);
            consent(d, "contact", true, now);
            consent(d, "contact", false, now);
            long e = contact("e@unsubscribed.example", "gwynedd", "youth", "cy", false, now);
            consent(e, "contact", true, now);
            consent(e, "newsletter-email", false, now);
            long f = contact("f@other-area.example", "anglesey", "youth", "cy", true, now);
            consent(f, "contact", true, now);
            long g = contact(null, "gwynedd", "mental-health,youth", null, true, now);
            consent(g, "contact", true, now);
            consent(g, "newsletter-telegram", true, now);
            long chat = participants.identify("telegram", "2002", null).id();
            db.update("UPDATE participant SET language = 'cy' WHERE id = ?", chat);
            link(g, chat);
            long h = contact("h@english.example", "gwynedd", "youth", "en", true, now);
            consent(h, "contact", true, now);
            return null;
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theThreeFeaturesReachTheSameAudienceByOneRule() throws Exception {
        Set<String> engagement = Set.of("email a@several-areas.example cy", "telegram 2001 cy",
                "email e@unsubscribed.example cy", "telegram 2002 cy");
        Set<String> newsletter = Set.of("email a@several-areas.example", "telegram 2001",
                "email d@withdrew-contact.example", "telegram 2002");

        assertThat(consultationInvitees()).isEqualTo(engagement);
        assertThat(eventInvitees()).isEqualTo(engagement);
        assertThat(newsletterRecipients()).isEqualTo(newsletter);
    }

    private static Set<String> consultationInvitees() throws Exception {
        JsonNode created = JSON.readTree(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Youth panel\", "
                + "\"cy\": \"Panel ieuenctid\"}, \"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch wrthym\"}, "
                + "\"questions\": [{\"type\": \"text\", \"text\": {\"en\": \"What matters?\", \"cy\": \"Beth sy'n bwysig?\"}}], "
                + "\"audience\": " + AUDIENCE + "}").body());
        assertThat(service.postJson("/api/consultations/" + created.get("id").asText() + "/publish", "").statusCode())
                .isEqualTo(200);
        return new TreeSet<>(db.query("SELECT channel || ' ' || address || ' ' || COALESCE(language, '-') FROM "
                + "consultation_invitee WHERE consultation_id = ?", rs -> rs.getString(1), created.get("id").asLong()));
    }

    private static Set<String> eventInvitees() throws Exception {
        JsonNode created = JSON.readTree(service.postJson("/api/events", "{\"title\": {\"en\": \"Youth forum\", \"cy\": "
                + "\"Fforwm ieuenctid\"}, \"description\": {\"en\": \"Meet the Commissioner\", \"cy\": \"Cwrdd â'r "
                + "Comisiynydd\"}, \"startsAt\": \"2027-03-04T10:30:00Z\", \"online\": \"https://meet.example/youth\", \"audience\": " + AUDIENCE + "}").body());
        assertThat(service.postJson("/api/events/" + created.get("id").asText() + "/invite", "").statusCode()).isEqualTo(200);
        return new TreeSet<>(db.query("SELECT channel || ' ' || address || ' ' || COALESCE(language, '-') FROM "
                + "event_invitee WHERE event_id = ?", rs -> rs.getString(1), created.get("id").asLong()));
    }

    private static Set<String> newsletterRecipients() throws Exception {
        long id = JSON.readTree(service.postJson("/api/newsletters", "{\"title\": {\"en\": \"News\", \"cy\": \"Newyddion\"}, "
                + "\"body\": {\"en\": \"Hello\", \"cy\": \"Helo\"}, \"audience\": " + AUDIENCE + "}").body()).get("id").asLong();
        JsonNode counts = JSON.readTree(service.get("/api/newsletters/" + id + "/audience").body());
        assertThat(counts.get("email").asLong()).isEqualTo(2);
        assertThat(counts.get("telegram").asLong()).isEqualTo(2);
        assertThat(counts.get("skippedEmailOnHold").asLong()).isEqualTo(1);
        assertThat(counts.get("welsh").asLong()).isEqualTo(4);
        assertThat(service.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<String> rows = List.of();
        while (System.nanoTime() < deadline) {
            rows = db.query("SELECT channel || ' ' || address FROM outbox WHERE batch_type = 'newsletter' AND batch_id = ?",
                    rs -> rs.getString(1), id);
            if (rows.size() >= 4 && JSON.readTree(service.get("/api/newsletters/" + id).body()).get("status").asText()
                    .matches("SENDING|SENT")) {
                break;
            }
            Thread.sleep(200);
        }
        return new TreeSet<>(rows);
    }

    private static long contact(String email, String area, String sectors, String language, boolean subscribed,
                                Instant now) {
        return db.insert("INSERT INTO contact (organisation, email, area, sectors, language, subscribed, email_confirmed, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'imported', ?, ?)", "Org " + email, email, area,
                sectors, language, subscribed, now, now);
    }

    private static void consent(long contact, String purpose, boolean granted, Instant now) {
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, ?, ?, 'v1', "
                + "'import', ?)", contact, purpose, granted, now);
    }

    private static void link(long contact, long participant) {
        db.update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", contact, participant);
    }
}
