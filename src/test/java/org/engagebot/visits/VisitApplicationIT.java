package org.engagebot.visits;

import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.Registration;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.platform.AuditLog;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Visit applications end to end: the real Telegram client against a fake Bot API, the staff API, a real SQLite file. */
class VisitApplicationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern REFERENCE = Pattern.compile("VIS-\\d{4}-\\d{4}");
    private static final String PURPOSE = "We run a youth club three evenings a week.\n\n"
            + "We also offer mentoring for young people leaving care. ".repeat(30).strip();
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.visits.staff-email", "Visits@OPCC.example");

    @Test
    void applicantInWelshGetsAReferenceAndHearsEachDecisionInWelsh() {
        long chat = 5005;
        bot.say(chat, "/visit", "Gymraeg neu yn Saesneg");
        bot.tap(chat, "l:cy", "Beth yw enw llawn eich sefydliad");
        bot.say(chat, "Clwb Ieuenctid y Bala", "Gyda phwy ddylem ni gysylltu");
        bot.say(chat, "Siân Williams", "lle darperir eich gwasanaethau");
        bot.say(chat, "Neuadd y Dref\nStryd Fawr\nY Bala LL23 7AB", "Ym mha ardal");
        bot.tap(chat, "a:area:gwynedd", "rif ffôn");
        bot.say(chat, "01678 520123", "gyfeiriad e-bost");
        bot.say(chat, "Sian@ClwbBala.cymru", "gwefan");
        bot.tap(chat, "a:website:-skip", "diben a rôl");
        bot.say(chat, "x".repeat(3001), "3000");
        bot.say(chat, PURPOSE, "droseddu a diogelwch cymunedol");
        bot.say(chat, "Llai o ymddygiad gwrthgymdeithasol yn y dref.", "materion penodol");
        bot.say(chat, "Trafnidiaeth gyda'r nos.", "yn gyhoeddus");
        bot.tap(chat, "a:publicity:yes", "Gwiriwch eich atebion");
        String reference = reference(bot.tap(chat, "c:confirm", "Eich cyfeirnod yw"));

        long id = onlyApplicationId();
        String list = bot.get("/api/visits?status=received").body();
        assertThat(list).contains(reference, "\"language\":\"cy\"", "\"channel\":\"telegram\"", "\"publicityAllowed\":true",
                "sian@clwbbala.cymru", "+441678520123");

        decide(id, "{\"status\": \"shortlisted\"}", 200, chat, "rhestr fer");
        HttpResponse<String> skipped = bot.postJson("/api/visits/" + id + "/decision", "{\"status\": \"visited\"}");
        assertThat(skipped.statusCode()).isEqualTo(400);
        assertThat(skipped.body()).contains("cannot move an application from shortlisted to visited");
        HttpResponse<String> noPlace = bot.postJson("/api/visits/" + id + "/decision",
                "{\"status\": \"scheduled\", \"scheduledAt\": \"2027-03-15T10:30\"}");
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(noPlace.body()).contains("scheduled needs scheduledAt");

        SentMessage scheduled = decide(id, "{\"status\": \"scheduled\", \"scheduledAt\": \"2027-03-15T10:30\", "
                + "\"place\": \"Neuadd y Dref, Y Bala\"}", 200, chat, "Dyddiad: Dydd Llun 15 Mawrth 2027");
        assertThat(scheduled.text()).contains(reference, "Amser: 10:30", "Lleoliad: Neuadd y Dref, Y Bala")
                .doesNotContain("Date:");

        assertThat(bot.say(chat, "/visit status", reference).text()).contains("Clwb Ieuenctid y Bala", "ymweliad wedi'i drefnu");

        String detail = bot.get("/api/visits/" + id).body();
        assertThat(detail).contains("Neuadd y Dref\\nStryd Fawr", "\"from\":\"received\",\"to\":\"shortlisted\"",
                "\"from\":\"shortlisted\",\"to\":\"scheduled\"", "\"actor\":\"admin\"", "\"scheduledLocal\":\"2027-03-15T10:30Z\"");
        assertThat(bot.bean(AuditLog.class).recent(10)).anyMatch(e -> e.action().equals("visit.decision")
                && e.detail().equals("shortlisted -> scheduled, applicant told on telegram"));
        assertThat(bot.get("/api/visits/summary?year=2027").body())
                .isEqualTo("{\"year\":2027,\"visited\":0,\"scheduled\":1,\"target\":6}");
    }

    @Test
    void knownDetailsAreOfferedAndARepeatedApplicationKeepsItsReference() {
        long chat = 6006;
        var participant = bot.bean(Participants.class).identify("telegram", Long.toString(chat), "Tom");
        bot.bean(ContactService.class).register(new Registration("Wrexham Food Bank", "Tom Evans", "wrexham",
                "tom@foodbank.example", "+441978123456", null, "Food", "en", false, "2026-11"), participant, "code");

        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        String first = reference(applyAsKnownContact(chat, "no"));
        long id = onlyApplicationId();
        SentMessage repeat = applyAsKnownContact(chat, "no");
        assertThat(repeat.text()).contains("We already have an application from Wrexham Food Bank", first);
        assertThat(onlyApplicationId()).isEqualTo(id);
        assertThat(bot.get("/api/visits/" + id).body()).contains("\"publicityAllowed\":false", "\"contactId\":");

        long other = 7007;
        bot.say(other, "/start", "Welsh or English");
        bot.tap(other, "l:en", "What would you like to do?");
        applyAs(other, "Rhyl Street Pastors", "pastors@rhyl.example", "yes");
        long otherId = bot.bean(Db.class).count("SELECT id FROM visit_application WHERE email = 'pastors@rhyl.example'");

        long[][] visitAndChat = {{id, chat, 3}, {otherId, other, 4}};
        for (long[] v : visitAndChat) {
            decide(v[0], "{\"status\": \"shortlisted\"}", 200, v[1], "shortlisted");
            decide(v[0], "{\"status\": \"scheduled\", \"scheduledAt\": \"2027-05-0" + v[2] + "T14:00\", "
                    + "\"place\": \"On site\"}", 200, v[1], "Place: On site");
        }
        assertThat(bot.get("/api/visits/public?year=2027").body())
                .isEqualTo("[{\"organisation\":\"Rhyl Street Pastors\",\"area\":\"denbighshire\",\"date\":\"2027-05-04\"}]");
        assertThat(bot.bean(VisitService.class).publicVisits(2027)).extracting(PublicVisit::organisation)
                .containsExactly("Rhyl Street Pastors");
        decide(otherId, "{\"status\": \"visited\"}", 200, other, "Thank you for welcoming the Commissioner");
        assertThat(bot.get("/api/visits/summary?year=2027").body())
                .isEqualTo("{\"year\":2027,\"visited\":1,\"scheduled\":1,\"target\":6}");

        assertThat(bot.bean(Db.class).count("SELECT count(*) FROM outbox WHERE channel = 'email' "
                + "AND address = 'visits@opcc.example' AND batch_type = 'visit'")).isEqualTo(2);
        HttpResponse<String> csv = bot.get("/api/visits/export");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("reference,organisation,").contains(first, "'+441978123456", "Rhyl Street Pastors");
    }

    @Test
    void declinedApplicantIsToldTheReason() {
        long chat = 8008;
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        applyAs(chat, "Chester Choir", "choir@chester.example", "yes");
        long id = onlyApplicationId();
        HttpResponse<String> noReason = bot.postJson("/api/visits/" + id + "/decision", "{\"status\": \"declined\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("declined needs a note");
        decide(id, "{\"status\": \"declined\", \"note\": \"Chester is outside North Wales.\"}", 200, chat,
                "Reason: Chester is outside North Wales.");
        assertThat(bot.get("/api/visits?status=declined").body()).contains("Chester Choir");
        assertThat(bot.get("/api/visits?status=maybe").statusCode()).isEqualTo(400);
        assertThat(bot.postJson("/api/visits/999/decision", "{\"status\": \"shortlisted\"}").statusCode()).isEqualTo(404);
    }

    private SentMessage applyAsKnownContact(long chat, String publicity) {
        SentMessage asked = bot.say(chat, "/visit", "full name of your organisation");
        assertThat(asked.buttons()).anyMatch(b -> "a:organisation:-default".equals(b.callbackData())
                && b.text().equals("Use Wrexham Food Bank"));
        bot.tap(chat, "a:organisation:-default", "Who should we contact");
        bot.tap(chat, "a:contact_name:-default", "address where your services are provided");
        bot.say(chat, "Unit 4, Industrial Estate\nWrexham LL13 9XT", "Which area");
        bot.tap(chat, "a:area:wrexham", "telephone number");
        bot.tap(chat, "a:phone:-default", "email address");
        bot.tap(chat, "a:email:-default", "website");
        bot.say(chat, "-", "purpose and role");
        bot.say(chat, PURPOSE, "crime and community safety");
        bot.say(chat, "People in crisis are less likely to turn to crime.", "specific issues");
        bot.say(chat, "none", "mention your visit publicly");
        bot.tap(chat, "a:publicity:" + publicity, "Please check your answers");
        return bot.tap(chat, "c:confirm", "");
    }

    private void applyAs(long chat, String organisation, String email, String publicity) {
        bot.say(chat, "/visit", "full name of your organisation");
        bot.say(chat, organisation, "Who should we contact");
        bot.say(chat, "Alex Jones", "address where your services are provided");
        bot.say(chat, "High Street", "Which area");
        bot.tap(chat, "a:area:" + (organisation.startsWith("Rhyl") ? "denbighshire" : "other"), "telephone number");
        bot.say(chat, "+44 7911 123456", "email address");
        bot.say(chat, email, "website");
        bot.say(chat, "www.example.org", "purpose and role");
        bot.say(chat, "Helping people at night.", "crime and community safety");
        bot.say(chat, "Fewer incidents.", "specific issues");
        bot.say(chat, "Lighting.", "mention your visit publicly");
        bot.tap(chat, "a:publicity:" + publicity, "Please check your answers");
        bot.tap(chat, "c:confirm", "Your reference is VIS-");
    }

    private SentMessage decide(long id, String json, int status, long chat, String expected) {
        int seen = bot.sentTo(chat).size();
        HttpResponse<String> response = bot.postJson("/api/visits/" + id + "/decision", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"applicantNotified\":true");
        return next(chat, seen, expected);
    }

    private long onlyApplicationId() {
        Db db = bot.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM visit_application")).isEqualTo(1);
        return db.count("SELECT id FROM visit_application");
    }

    private static String reference(SentMessage m) {
        Matcher matcher = REFERENCE.matcher(m.text());
        assertThat(matcher.find()).as(m.text()).isTrue();
        return matcher.group();
    }



    private SentMessage next(long chat, int seen, String expected) {
        SentMessage m = bot.telegram().awaitMessages(chat, seen + 1, WAIT).get(seen);
        assertThat(m.text()).contains(expected);
        return m;
    }
}
