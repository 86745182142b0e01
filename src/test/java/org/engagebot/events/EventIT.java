package org.engagebot.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.component.VEvent;
import org.engagebot.platform.Db;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.events.EventFixtures.calendarEvent;
import static org.engagebot.events.EventFixtures.json;
import static org.engagebot.events.EventFixtures.plain;
import static org.engagebot.events.EventFixtures.reply;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * An engagement event end to end through the real channels: the staff API, invitations over SMTP (GreenMail, the
 * .ics parsed back with ical4j) and Telegram (the real client against the fake Bot API), RSVPs and questions by
 * chat buttons and by email replies in English and Welsh, reminders by the service's clock, attendance, feedback
 * and the public page.
 */
class EventIT {
    private static final long JANE = 5001;
    private static final long GWEN = 5002;
    private static final Instant START = Instant.parse("2026-11-01T09:00:00Z");

    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().withMail()
            .property("engagebot.test.clock", START.toString())
            .property("engagebot.public-url", "https://engage.example");
    private SettableClock clock;
    private Db db;

    @BeforeEach
    void seed() {
        clock = (SettableClock) bot.bean(Clock.class);
        db = bot.bean(Db.class);
        long jane = EventFixtures.contact(db, "Jane Jones", "jane@helping.org", "en", "gwynedd");
        EventFixtures.linkTelegram(db, jane, JANE, "en");
        EventFixtures.contact(db, "Siân Williams", "sian@tai.cymru", "cy", "anglesey");
        EventFixtures.contact(db, "Tom Price", "tom@youth.org", "en", "gwynedd");
        long gwen = EventFixtures.contact(db, "Gwen Evans", null, "cy", "conwy");
        EventFixtures.linkTelegram(db, gwen, GWEN, "cy");
    }

    @Test
    void anEventRunsFromInvitationToFeedbackOverTelegramAndEmailInEnglishAndWelsh() throws Exception {
        assertThat(bot.postJson("/api/events", "{\"title\": \"T\", \"description\": \"D\"}").statusCode()).isEqualTo(400);
        assertThat(bot.postJson("/api/events", "{\"title\": \"T\", \"description\": \"D\", \"startsAt\": "
                + "\"2026-12-03T10:00:00Z\"}").body()).contains("place");
        JsonNode created = json(bot.postJson("/api/events", EVENT), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("reference").asText()).isEqualTo("EVT-2026-01");

        JsonNode invited = json(bot.postJson("/api/events/" + id + "/invite", ""), 200);
        assertThat(invited.get("invited").get("email").asInt()).isEqualTo(3);
        assertThat(invited.get("invited").get("telegram").asInt()).isEqualTo(2);
        assertThat(bot.postJson("/api/events/" + id + "/invite", "").statusCode()).isEqualTo(409);

        MimeMessage toSian = bot.mail().waitFor("sian@tai.cymru", 1);
        assertThat(toSian.getSubject()).startsWith("Gwahoddiad: Digwyddiad ymgysylltu blynyddol");
        assertThat(plain(toSian)).contains("Pryd: Dydd Iau 3 Rhagfyr 2026, 10:00", "Mynediad heb risiau",
                "https://engage.example/forms/event-rsvp-" + id + "?lang=cy").doesNotContain("When:");
        VEvent ics = calendarEvent(toSian);
        assertThat(ics.getSummary().getValue()).isEqualTo("Digwyddiad ymgysylltu blynyddol");
        assertThat(Instant.from(ics.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
        assertThat(Instant.from(ics.getDateTimeEnd().getDate())).isEqualTo(Instant.parse("2026-12-03T13:00:00Z"));
        assertThat(ics.getLocation().getValue()).isEqualTo("Venue Cymru, Llandudno");
        assertThat(ics.getUid().orElseThrow().getValue()).isEqualTo("evt-2026-01@engagebot");
        MimeMessage toTom = bot.mail().waitFor("tom@youth.org", 1);
        assertThat(plain(toTom)).contains("When: Thursday 3 December 2026, 10:00", "Question:");
        assertThat(calendarEvent(toTom).getSummary().getValue()).isEqualTo("Annual engagement event");

        SentMessage janeInvite = bot.awaitMessage(JANE, m -> m.text().contains("Annual engagement event"));
        assertThat(janeInvite.callbackData()).containsExactly("/events rsvp " + id, "/events ask " + id);
        bot.tap(JANE, "/events rsvp " + id, "Will you come to Annual engagement event?");
        bot.tap(JANE, "a:answer:yes", "What is your name?");
        bot.tap(JANE, "a:name:-default", "What email address");
        bot.tap(JANE, "a:email:-default", "access needs");
        bot.say(JANE, "I use a wheelchair", "simultaneous translation");
        bot.tap(JANE, "a:translation:no", "dietary");
        bot.tap(JANE, "a:dietary:-skip", "check your answers");
        SentMessage janeAck = bot.tap(JANE, "c:confirm", "You have a place at Annual engagement event");
        assertThat(janeAck.text()).contains("We have noted: I use a wheelchair");

        reply(bot.mail(), "sian@tai.cymru", toSian, "<sian-1@tai.cymru>", "1. Dof\n2. Dolen sain\n3. Hoffwn\n4. Llysieuol\n\n"
                + "Ar 1 Tach 2026, ysgrifennodd Engagebot:\n> " + plain(toSian).replace("\n", "\n> "));
        assertThat(plain(bot.mail().waitFor("sian@tai.cymru", 2))).contains(
                "Diolch. Mae gennych le yn y digwyddiad hwn: Digwyddiad ymgysylltu",
                "Dolen sain", "cyfieithu ar y pryd", "Llysieuol").doesNotContain("Thank you");
        reply(bot.mail(), "tom@youth.org", toTom, "<tom-1@youth.org>", "I'll come!\n\nTom");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 2))).contains("You have a place at Annual engagement event");
        reply(bot.mail(), "tom@youth.org", toTom, "<tom-2@youth.org>", "Question: What is the plan for rural crime =1+1?");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 3))).contains("Your question Q-", "is on the list");

        bot.say(GWEN, "/digwyddiadau", "Digwyddiadau y gallwch ddod iddynt");
        bot.tap(GWEN, "/events ask " + id, "Beth hoffech chi ei ofyn i'r Comisiynydd");
        bot.say(GWEN, "Beth am droseddau cefn gwlad?", "Mae eich cwestiwn Q-");

        JsonNode rsvps = json(bot.get("/api/events/" + id + "/rsvps"), 200);
        assertThat(rsvps).hasSize(3);
        JsonNode jane = find(rsvps, "jane@helping.org");
        assertThat(jane.get("channel").asText()).isEqualTo("telegram");
        assertThat(jane.get("contact").get("telegram").asText()).isEqualTo("5001");
        assertThat(jane.get("contact").get("name").asText()).isEqualTo("Jane Jones");
        assertThat(jane.get("answer").asText()).isEqualTo("yes");
        assertThat(jane.get("needs").asText()).isEqualTo("I use a wheelchair");
        assertThat(jane.get("waitlisted").asBoolean()).isFalse();
        JsonNode sian = find(rsvps, "sian@tai.cymru");
        assertThat(sian.get("channel").asText()).isEqualTo("email");
        assertThat(sian.get("translation").asBoolean()).isTrue();
        assertThat(sian.get("dietary").asText()).isEqualTo("Llysieuol");
        assertThat(find(rsvps, "tom@youth.org").get("answer").asText()).isEqualTo("yes");

        JsonNode questions = json(bot.get("/api/events/" + id + "/questions"), 200);
        assertThat(questions).extracting(q -> q.get("text").asText()).containsExactlyInAnyOrder(
                "What is the plan for rural crime =1+1?", "Beth am droseddau cefn gwlad?");
        long ruralEn = questions.get(0).get("id").asLong();
        long ruralCy = questions.get(1).get("id").asLong();
        assertThat(bot.postJson("/api/events/" + id + "/questions/" + ruralEn, "{\"theme\": \"Rural crime\", "
                + "\"answered\": true}").statusCode()).isEqualTo(204);
        assertThat(bot.postJson("/api/events/" + id + "/questions/" + ruralCy, "{\"theme\": \"Rural crime\"}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> csv = bot.send(HttpRequest.newBuilder(bot.url("/api/events/" + id + "/questions"))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD)).header("Accept", "text/csv")
                .GET().build());
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("\"Rural crime\"", "\"What is the plan for rural crime =1+1?\"");

        clock.set(Instant.parse("2026-11-26T12:00:00Z"));
        ReminderJob reminders = bot.bean(ReminderJob.class);
        assertThat(reminders.run()).isEqualTo(3);
        assertThat(reminders.run()).isZero();
        bot.awaitMessage(JANE, m -> m.text().startsWith("A reminder: Annual engagement event is in a week"));
        assertThat(plain(bot.mail().waitFor("sian@tai.cymru", 3))).startsWith("Nodyn atgoffa: mae Digwyddiad ymgysylltu "
                + "blynyddol ymhen wythnos");
        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(reminders.run()).isEqualTo(3);
        assertThat(reminders.run()).isZero();
        bot.awaitMessage(JANE, m -> m.text().startsWith("A reminder: Annual engagement event is tomorrow"));

        clock.set(Instant.parse("2026-12-03T13:30:00Z"));
        long janeId = jane.get("id").asLong();
        assertThat(bot.postJson("/api/events/" + id + "/rsvps/" + janeId + "/attendance", "{\"attended\": true}")
                .statusCode()).isEqualTo(204);
        assertThat(bot.postJson("/api/events/" + id + "/rsvps/" + sian.get("id").asLong() + "/attendance",
                "{\"attended\": true}").statusCode()).isEqualTo(204);
        assertThat(bot.postJson("/api/events/" + id + "/rsvps/" + find(rsvps, "tom@youth.org").get("id").asLong()
                + "/attendance", "{\"attended\": false}").statusCode()).isEqualTo(204);
        json(bot.postJson("/api/events/" + id + "/record", "{\"notes\": \"Good turnout\", \"recordingUrl\": "
                + "\"https://video.example/evt1\"}"), 200);

        JsonNode told = json(bot.postJson("/api/events/" + id + "/feedback", "{\"text\": {\"en\": \"You asked about "
                + "rural crime <farms>: we are funding a rural crime team.\", \"cy\": \"Gofynnoch am droseddau cefn gwlad: "
                + "rydym yn ariannu tîm troseddau cefn gwlad.\"}}"), 200);
        assertThat(told.get("told").asInt()).isEqualTo(4);
        assertThat(bot.postJson("/api/events/" + id + "/feedback", "{\"text\": \"again\"}").statusCode()).isEqualTo(409);
        SentMessage janeFeedback = bot.awaitMessage(JANE, m -> m.text().contains("we are funding"));
        assertThat(janeFeedback.text()).contains("https://video.example/evt1").doesNotContain("Gofynnoch");
        bot.awaitMessage(GWEN, m -> m.text().contains("rydym yn ariannu tîm") && !m.text().contains("funding"));
        MimeMessage sianFeedback = bot.mail().waitFor("sian@tai.cymru", 5);
        assertThat(sianFeedback.getSubject()).isEqualTo("Dywedoch chi, gwnaethom ni: Digwyddiad ymgysylltu blynyddol");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 6))).contains("rural crime <farms>");

        HttpResponse<String> en = bot.send(HttpRequest.newBuilder(bot.url("/public/events/" + id + "?lang=en"))
                .GET().build());
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("<html lang=\"en\"", "rural crime &lt;farms&gt;", "Watch the recording",
                "Step-free access");
        HttpResponse<String> cy = bot.send(HttpRequest.newBuilder(bot.url("/public/events/" + id)).GET().build());
        assertThat(cy.body()).contains("<html lang=\"cy\"", "Dywedoch chi, gwnaethom ni", "tîm troseddau cefn gwlad");

        JsonNode view = json(bot.get("/api/events/" + id), 200);
        assertThat(view.get("startsAt").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(view.get("attended").asInt()).isEqualTo(2);
        assertThat(view.get("questionsAnswered").asInt()).isEqualTo(1);
    }

    @Test
    void aFullEventKeepsAWaitingListAndACancellationGivesThePlaceToTheNextInLine() throws Exception {
        long id = json(bot.postJson("/api/events", EVENT.replace("\"capacity\": 80", "\"capacity\": 1")), 201)
                .get("id").asLong();
        json(bot.postJson("/api/events/" + id + "/invite", ""), 200);
        bot.awaitMessage(JANE, m -> m.text().contains("Annual engagement event"));
        bot.tap(JANE, "/events rsvp " + id, "Will you come");
        bot.tap(JANE, "a:answer:yes", "What is your name?");
        bot.tap(JANE, "a:name:-skip", "What email address");
        bot.tap(JANE, "a:email:-skip", "access needs");
        bot.tap(JANE, "a:access:-skip", "simultaneous translation");
        bot.tap(JANE, "a:translation:no", "dietary");
        bot.tap(JANE, "a:dietary:-skip", "check your answers");
        bot.tap(JANE, "c:confirm", "You have a place");

        MimeMessage toTom = bot.mail().waitFor("tom@youth.org", 1);
        reply(bot.mail(), "tom@youth.org", toTom, "<tom-w1@youth.org>", "Yes, I will be there");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 2))).contains("is full, so you are number 1 on the waiting list");
        MimeMessage toSian = bot.mail().waitFor("sian@tai.cymru", 1);
        reply(bot.mail(), "sian@tai.cymru", toSian, "<sian-w1@tai.cymru>", "Dof");
        assertThat(plain(bot.mail().waitFor("sian@tai.cymru", 2))).contains("rydych yn rhif 2 ar y rhestr aros");

        SentMessage cancelled = bot.tap(JANE, "/events cancel " + id, "cannot come to Annual engagement event");
        assertThat(cancelled.text()).doesNotContain("Good news");
        MimeMessage promoted = bot.mail().waitFor("tom@youth.org", 3);
        assertThat(plain(promoted)).contains("Good news: a place has come up at Annual engagement event",
                "it is now yours");

        JsonNode rsvps = json(bot.get("/api/events/" + id + "/rsvps"), 200);
        assertThat(find(rsvps, "jane@helping.org").get("answer").asText()).isEqualTo("no");
        assertThat(find(rsvps, "tom@youth.org").get("waitlisted").asBoolean()).isFalse();
        JsonNode sian = find(rsvps, "sian@tai.cymru");
        assertThat(sian.get("waitlisted").asBoolean()).isTrue();
        assertThat(sian.get("waitlistPosition").asInt()).isEqualTo(1);

        reply(bot.mail(), "tom@youth.org", toTom, "<tom-w2@youth.org>", "Sorry, I can't come after all");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 4))).contains("cannot come");
        assertThat(plain(bot.mail().waitFor("sian@tai.cymru", 3))).contains("Newyddion da: mae lle wedi dod ar gael yn y digwyddiad hwn");
        await(() -> !find(json(bot.get("/api/events/" + id + "/rsvps"), 200), "sian@tai.cymru")
                .get("waitlisted").asBoolean(), "Siân given the place");
    }

    @Test
    void aQuestionAfterTheCutOffIsKeptFlaggedAndTheAskerIsToldKindly() throws Exception {
        long id = json(bot.postJson("/api/events", EVENT), 201).get("id").asLong();
        json(bot.postJson("/api/events/" + id + "/invite", ""), 200);
        MimeMessage toTom = bot.mail().waitFor("tom@youth.org", 1);
        bot.awaitMessage(JANE, m -> m.text().contains("Annual engagement event"));
        clock.set(Instant.parse("2026-12-01T18:00:00Z"));

        SentMessage told = bot.tap(JANE, "/events ask " + id, "Questions for Annual engagement event closed on");
        assertThat(told.text()).contains("You are very welcome to ask it on the day");
        reply(bot.mail(), "tom@youth.org", toTom, "<tom-late@youth.org>", "Question: Can we talk about county lines?");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 2))).contains("closed on Tuesday 1 December 2026, 17:00",
                "We have kept it");
        bot.say(GWEN, "/events ask " + id, "Caeodd y cyfnod cwestiynau");

        JsonNode questions = json(bot.get("/api/events/" + id + "/questions"), 200);
        assertThat(questions).singleElement().satisfies(q -> {
            assertThat(q.get("late").asBoolean()).isTrue();
            assertThat(q.get("text").asText()).isEqualTo("Can we talk about county lines?");
        });
        reply(bot.mail(), "tom@youth.org", toTom, "<tom-rsvp@youth.org>", "ni fyddaf yn gallu dod");
        assertThat(plain(bot.mail().waitFor("tom@youth.org", 3))).contains("cannot come");
    }

    private static final String EVENT = "{\"title\": {\"en\": \"Annual engagement event\", \"cy\": \"Digwyddiad ymgysylltu "
            + "blynyddol\"}, \"description\": {\"en\": \"The Commissioner reviews last year's plan and takes your "
            + "questions.\", \"cy\": \"Mae'r Comisiynydd yn adolygu cynllun y llynedd ac yn ateb eich cwestiynau.\"}, "
            + "\"startsAt\": \"2026-12-03T10:00:00Z\", \"endsAt\": \"2026-12-03T13:00:00+00:00\", \"place\": \"Venue Cymru, "
            + "Llandudno\", \"access\": {\"en\": \"Step-free access, hearing loop\", \"cy\": \"Mynediad heb risiau, dolen "
            + "sain\"}, \"capacity\": 80, \"questionsCloseAt\": \"2026-12-01T17:00:00Z\"}";

    private static JsonNode find(JsonNode rsvps, String email) {
        List<JsonNode> found = new ArrayList<>();
        rsvps.forEach(r -> {
            if (email.equals(r.get("contact").get("email").asText())) {
                found.add(r);
            }
        });
        assertThat(found).as("RSVP of " + email).hasSize(1);
        return found.get(0);
    }


}
