package org.engagebot.consultations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.platform.AuditLog;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation end to end: staff API, invitations in the outbox, a chat response through the generated
 * flow over the real Telegram client and a fake Bot API, email replies handed to the MailReplyHandler as the
 * email channel will (already trimmed; the email channel is not on this branch yet), results, CSV, outcome
 * and the public page.
 */
class ConsultationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long JANE_CHAT = 5001;
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();
    private Db db;

    @BeforeEach
    void seed() {
        db = bot.bean(Db.class);
        long jane = contact("Jane Jones", "jane@helping.org", "en", "gwynedd", true, false);
        linkTelegram(jane, JANE_CHAT, "en");
        contact("Siân Williams", "sian@tai.cymru", "cy", "anglesey", null, true);
        contact("Tom Price", "tom@youth.org", "en", "gwynedd", true, false);
        contact("No Thanks", "no@thanks.org", "en", "gwynedd", false, true);
    }

    @Test
    void runsAConsultationFromInvitationToOutcome() throws Exception {
        assertThat(bot.postJson("/api/consultations", "{\"title\": \"T\", \"summary\": \"S\", \"closesAt\": \""
                + Instant.now().plus(Duration.ofDays(20)) + "\", \"questions\": [{\"text\": \"Q\"}]}").statusCode()).isEqualTo(400);
        JsonNode created = json(bot.postJson("/api/consultations", CREATE), 201);
        long id = created.get("id").asLong();
        assertThat(created.get("reference").asText()).matches("CON-\\d{4}-01");

        JsonNode published = json(bot.postJson("/api/consultations/" + id + "/publish", ""), 200);
        assertThat(published.get("invited").get("email").asInt()).isEqualTo(3);
        assertThat(published.get("invited").get("telegram").asInt()).isEqualTo(1);
        assertThat(bot.postJson("/api/consultations/" + id + "/publish", "").statusCode()).isEqualTo(409);
        List<OutboundMessage> invites = outbox("consultation-invite", "email");
        assertThat(invites).hasSize(3).allSatisfy(m -> {
            assertThat(m.replyToken()).matches("c-[0-9a-f]{24}");
            assertThat(m.subject()).contains(created.get("reference").asText());
            assertThat(m.emailHtml()).contains("&lt;safer&gt;");
        });
        assertThat(invites).anySatisfy(m -> assertThat(m.text()).contains("Goleuadau stryd", "Beth na all newid"));
        SentMessage invitation = bot.awaitMessage(JANE_CHAT, m -> m.text().contains("Street lighting"));
        assertThat(invitation.callbackData()).containsExactly("/consultations " + id);

        bot.tap(JANE_CHAT, "/consultations " + id, "Which streets feel unsafe");
        bot.say(JANE_CHAT, "Station Road after 9pm", "How should we decide");
        bot.tap(JANE_CHAT, "a:q2:2", "more lighting would help");
        SentMessage summary = bot.tap(JANE_CHAT, "a:q3:4", "Please check your answers");
        assertThat(summary.text()).contains("Station Road", "4 - Agree");
        SentMessage ack = bot.tap(JANE_CHAT, "c:confirm", "Thank you. We have received your response R-");

        String sianToken = token("sian@tai.cymru", id);
        List<OutboundMessage> welsh = reply(sianToken, "sian@tai.cymru", "<m1@tai.cymru>",
                "1. Mae angen mwy o oleuadau ar Ffordd y Môr ac mae'r bobl yn poeni yn y nos\n2. 1\n3) 5");
        assertThat(welsh).singleElement().satisfies(m -> {
            assertThat(m.text()).startsWith("Diolch. Rydym wedi cael eich ymateb R-").doesNotContain("Thank you");
            assertThat(m.inReplyTo()).isEqualTo("<m1@tai.cymru>");
            assertThat(m.replyToken()).isEqualTo(sianToken);
        });
        assertThat(reply(sianToken, "sian@tai.cymru", "<m1@tai.cymru>", "1. again")).isEmpty();

        String tomToken = token("tom@youth.org", id);
        reply(tomToken, "tom@youth.org", "<t1@youth.org>", "1. The underpass\n2. Budget\n3. 2");
        List<OutboundMessage> amended = reply(tomToken, "tom@youth.org", "<t2@youth.org>",
                "Sorry, I meant: 1. The underpass and the bus station 2. 1 3. 3");
        assertThat(amended.get(0).text()).contains("update to your earlier response", "version 2");

        ConsultationService consultations = bot.bean(ConsultationService.class);
        Participant stranger = emailParticipant("mallory@example.net");
        long strangerInbox = inbox("<x1@example.net>", "mallory@example.net");
        long byRef = consultations.byReference("Views for " + created.get("reference").asText()).orElseThrow().id();
        inTx(() ->
                consultations.recordEmailResponse(byRef, new MailReply(stranger, "<x1@example.net>", "Views",
                        "=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(\"http://x\",\"y\")", Instant.now(), strangerInbox)));

        JsonNode results = json(bot.get("/api/consultations/" + id + "/results"), 200);
        assertThat(results.get("respondents").asInt()).isEqualTo(4);
        assertThat(results.get("byChannel").get("telegram").asInt()).isEqualTo(1);
        JsonNode q2 = results.get("questions").get(1).get("options");
        assertThat(q2.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(q2.get(1).get("byChannel").get("telegram").asInt()).isEqualTo(1);
        assertThat(results.get("questions").get(2).get("options").get(4).get("count").asInt()).isEqualTo(1);

        JsonNode responses = json(bot.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(responses).hasSize(5);
        JsonNode tom2 = find(responses, "email", "tom@youth.org", 2);
        assertThat(tom2.get("amends").asLong()).isEqualTo(find(responses, "email", "tom@youth.org", 1).get("id").asLong());
        assertThat(tom2.get("answers").get("q2").asText()).isEqualTo("More lighting");
        JsonNode chat = find(responses, "telegram", null, 1);
        assertThat(chat.get("respondent").get("telegram").asText()).isEqualTo("5001");
        assertThat(chat.get("respondent").get("email").asText()).isEqualTo("jane@helping.org");
        assertThat(bot.postJson("/api/consultations/" + id + "/responses/" + chat.get("id").asLong() + "/tags",
                "{\"tags\": [\"lighting\", \"station-road\"]}").body()).contains("station-road");

        HttpResponse<String> csv = bot.send(HttpRequest.newBuilder(bot.url("/api/consultations/" + id + "/responses"))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD))
                .header("Accept", "text/csv").GET().build());
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").doesNotContain(",\"=HYPERLINK");
        assertThat(csv.body().split("\r\n")).hasSize(6);

        JsonNode told = json(bot.postJson("/api/consultations/" + id + "/outcome", "{\"text\": {\"en\": "
                + "\"We will add lights on Station Road <by May>.\", \"cy\": \"Byddwn yn gosod goleuadau ar Ffordd yr Orsaf.\"}}"), 200);
        assertThat(told.get("told").asInt()).isEqualTo(4);
        SentMessage outcome = bot.awaitMessage(JANE_CHAT, m -> m.text().contains("Station Road &lt;by May&gt;"));
        assertThat(outcome.text()).contains("Your response R-" + chat.get("id").asLong() + " of ");
        List<Map.Entry<String, OutboundMessage>> emailed = outboxByAddress("consultation-outcome", "email");
        assertThat(emailed).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("sian@tai.cymru", "tom@youth.org",
                "mallory@example.net");
        OutboundMessage toSian = emailed.stream().filter(e -> e.getKey().equals("sian@tai.cymru")).findFirst().orElseThrow().getValue();
        assertThat(toSian.text()).contains("Ffordd yr Orsaf", "Darllenwyd eich ymateb R-").doesNotContain("Station Road");
        assertThat(toSian.inReplyTo()).isEqualTo("<m1@tai.cymru>");
        OutboundMessage toTom = emailed.stream().filter(e -> e.getKey().equals("tom@youth.org")).findFirst().orElseThrow().getValue();
        assertThat(toTom.text()).contains("Your response R-" + tom2.get("id").asLong());

        HttpResponse<String> page = bot.send(HttpRequest.newBuilder(bot.url("/public/consultations/" + id + "?lang=en"))
                .GET().build());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"", "Station Road &lt;by May&gt;", "What cannot change",
                "Open from ");
        HttpResponse<String> cy = bot.send(HttpRequest.newBuilder(bot.url("/public/consultations/" + id)).GET().build());
        assertThat(cy.body()).contains("<html lang=\"cy\"", "Ffordd yr Orsaf", "Dywedoch chi, gwnaethom ni");

        assertThat(bot.bean(AuditLog.class).recent(50)).extracting(AuditLog.Entry::action).contains(
                "consultation.create", "consultation.publish", "consultation.tag", "consultation.export",
                "consultation.outcome");
        assertThat(ack).isNotNull();
    }

    @Test
    void aMessageThatOnlyAsksForConsultationsListsTheOpenOnes() throws Exception {
        long id = json(bot.postJson("/api/consultations", CREATE), 201).get("id").asLong();
        json(bot.postJson("/api/consultations/" + id + "/publish", ""), 200);
        bot.awaitMessage(JANE_CHAT, m -> m.text().contains("Street lighting"));
        SentMessage listed = bot.say(JANE_CHAT, "current consultations please", "Open consultations");
        assertThat(listed.callbackData()).contains("/consultations " + id);
        assertThat(listed.text()).doesNotContain("check your answers");
    }

    @Test
    void aLateReplyIsKeptFlaggedAndAnsweredPolitelyInBothLanguagesWhenUnknown() throws Exception {
        Instant now = bot.bean(Clock.class).instant();
        JsonNode created = json(bot.postJson("/api/consultations", "{\"title\": {\"en\": \"Budget\", \"cy\": \"Cyllideb\"}, "
                + "\"summary\": {\"en\": \"The precept\", \"cy\": \"Y praesept\"}, \"opensAt\": \"" + now.minus(Duration.ofDays(30))
                + "\", \"closesAt\": \"" + now.minus(Duration.ofDays(1)) + "\", \"shortReason\": {\"en\": \"Statutory "
                + "deadline\", \"cy\": \"Dyddiad cau statudol\"}, \"questions\": [{\"text\": {\"en\": \"Views?\", \"cy\": \"Barn?\"}}]}"), 201);
        long id = created.get("id").asLong();
        json(bot.postJson("/api/consultations/" + id + "/publish", ""), 200);
        Participant unknown = emailParticipant("late@example.org");
        long inboxId = inbox("<late1@example.org>", "late@example.org");
        List<OutboundMessage> ack = inTx(() ->
                bot.bean(ConsultationService.class).recordEmailResponse(id, new MailReply(unknown, "<late1@example.org>",
                        "Re: " + created.get("reference").asText(), "OK", "OK", Instant.now(), inboxId)));
        assertThat(ack).hasSize(1);
        String text = ack.get(0).text();
        assertThat(text).contains("cyrhaeddodd yn hwyr", "arrived late");
        JsonNode responses = json(bot.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(responses.get(0).get("late").asBoolean()).isTrue();
        assertThat(responses.get(0).get("answers").get("q1").asText()).isEqualTo("OK");
        HttpResponse<String> page = bot.send(HttpRequest.newBuilder(bot.url("/public/consultations/" + id + "?lang=cy"))
                .GET().build());
        assertThat(page.body()).contains("Dyddiad cau statudol", "yn fyrrach na 13 wythnos");
    }

    @Test
    void remindsThoseWhoHaveNotAnsweredOnceBeforeTheClose() throws Exception {
        Instant now = bot.bean(Clock.class).instant();
        JsonNode created = json(bot.postJson("/api/consultations", "{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Quick\", \"summary\": \"S\", "
                + "\"closesAt\": \"" + now.plus(Duration.ofDays(3)) + "\", \"shortReason\": \"Urgent\", "
                + "\"questions\": [{\"text\": \"Q\"}]}"), 201);
        long id = created.get("id").asLong();
        json(bot.postJson("/api/consultations/" + id + "/publish", ""), 200);
        reply(token("tom@youth.org", id), "tom@youth.org", "<r1@youth.org>", "Fine by me");
        ReminderJob job = bot.bean(ReminderJob.class);
        assertThat(job.run()).isEqualTo(3);
        assertThat(job.run()).isZero();
        assertThat(outboxByAddress("consultation-reminder", "email")).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("jane@helping.org", "sian@tai.cymru");
        assertThat(outboxByAddress("consultation-reminder", "email")).allSatisfy(e ->
                assertThat(e.getValue().replyToken()).startsWith("c-"));
        bot.awaitMessage(JANE_CHAT, m -> m.text().contains("A reminder"));
    }

    /**
     * A scale with its own labels: chat buttons and the emailed question list in the reader's language, typed labels
     * read as their point, agree/disagree words not taken, and the point with its label in the API and the CSV.
     */
    @Test
    void aScaleWithItsOwnLabelsIsShownReadAndExportedWithThem() throws Exception {
        String labels = "[{\"en\": \"Very unsafe\", \"cy\": \"Anniogel iawn\"}, {\"en\": \"Fairly unsafe\", \"cy\": "
                + "\"Eithaf anniogel\"}, {\"en\": \"Neither safe nor unsafe\", \"cy\": \"Ddim yn ddiogel nac yn anniogel\"}, "
                + "{\"en\": \"Fairly safe\", \"cy\": \"Eithaf diogel\"}, {\"en\": \"Very safe\", \"cy\": \"Diogel iawn\"}]";
        String body = "{\"title\": {\"en\": \"Feeling safe\", \"cy\": \"Teimlo'n ddiogel\"}, \"summary\": {\"en\": "
                + "\"At night\", \"cy\": \"Gyda'r nos\"}, \"questions\": [{\"type\": \"scale\", \"text\": {\"en\": "
                + "\"How safe is the town centre?\", \"cy\": \"Pa mor ddiogel yw canol y dref?\"}, \"labels\": LABELS}], "
                + "\"audience\": {\"channels\": [\"email\", \"telegram\"]}}";
        assertThat(bot.postJson("/api/consultations", body.replace("LABELS", "[{\"en\": \"Safe\", \"cy\": \"Diogel\"}]"))
                .body()).contains("questions[0].labels must list 5 labels");
        long id = json(bot.postJson("/api/consultations", body.replace("LABELS", labels)), 201).get("id").asLong();
        json(bot.postJson("/api/consultations/" + id + "/publish", ""), 200);
        assertThat(outboxByAddress("consultation-invite", "email")).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo("sian@tai.cymru");
            assertThat(e.getValue().text()).contains("1 - Anniogel iawn; 2 - Eithaf anniogel").doesNotContain("ytuno");
        });

        bot.awaitMessage(JANE_CHAT, m -> m.text().contains("Feeling safe"));
        SentMessage question = bot.tap(JANE_CHAT, "/consultations " + id, "How safe is the town centre");
        assertThat(question.buttons()).extracting(org.engagebot.testing.telegram.Button::text)
                .contains("1 - Very unsafe", "5 - Very safe").noneMatch(b -> b.contains("gree"));
        bot.say(JANE_CHAT, "I'd say fairly safe", "Please check your answers");
        bot.tap(JANE_CHAT, "c:confirm", "Thank you. We have received your response R-");
        reply(token("sian@tai.cymru", id), "sian@tai.cymru", "<s1@tai.cymru>", "Eithaf anniogel");
        reply(token("tom@youth.org", id), "tom@youth.org", "<t1@youth.org>", "I agree");

        JsonNode responses = json(bot.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(find(responses, "telegram", null, 1).get("answers").get("q1").asText()).isEqualTo("4 - Fairly safe");
        assertThat(find(responses, "email", "sian@tai.cymru", 1).get("answers").get("q1").asText()).isEqualTo("2 - Fairly unsafe");
        assertThat(find(responses, "email", "tom@youth.org", 1).get("answers").get("q1").asText()).isEqualTo("I agree");
        JsonNode results = json(bot.get("/api/consultations/" + id + "/results"), 200).get("questions").get(0);
        assertThat(results.get("options").get(3).get("label").get("cy").asText()).isEqualTo("4 - Eithaf diogel");
        assertThat(results.get("options").get(3).get("count").asInt()).isEqualTo(1);
        assertThat(results.get("unmatched").asInt()).isEqualTo(1);
        HttpResponse<String> csv = bot.send(HttpRequest.newBuilder(bot.url("/api/consultations/" + id + "/responses"))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD))
                .header("Accept", "text/csv").GET().build());
        assertThat(csv.body()).contains("\"4 - Fairly safe\"", "\"2 - Fairly unsafe\"");
    }

    private static final String CREATE = "{\"title\": {\"en\": \"Street lighting\", \"cy\": \"Goleuadau stryd\"},"
            + "\"summary\": {\"en\": \"Where should we ask councils to add lighting <safer>?\", \"cy\": \"Ble dylem ofyn "
            + "i gynghorau ychwanegu goleuadau <safer>?\"},"
            + "\"canChange\": {\"en\": \"Which streets come first\", \"cy\": \"Pa strydoedd sy'n dod gyntaf\"},"
            + "\"cannotChange\": {\"en\": \"The total budget\", \"cy\": \"Cyfanswm y gyllideb\"},"
            + "\"questions\": [{\"text\": {\"en\": \"Which streets feel unsafe?\", \"cy\": \"Pa strydoedd sy'n teimlo'n anniogel?\"}, \"type\": \"text\"},"
            + "{\"text\": {\"en\": \"How should we decide?\", \"cy\": \"Sut dylem benderfynu?\"}, \"type\": \"choice\", \"options\": "
            + "[{\"en\": \"More lighting\", \"cy\": \"Mwy o oleuadau\"}, {\"en\": \"Budget\", \"cy\": \"Cyllideb\"}]},"
            + "{\"text\": {\"en\": \"more lighting would help\", \"cy\": \"byddai mwy o oleuadau'n helpu\"}, \"type\": \"scale\"}],"
            + "\"audience\": {\"channels\": [\"email\", \"telegram\"]}}";

    private List<OutboundMessage> reply(String token, String address, String messageId, String trimmed) {
        Participant p = emailParticipant(address);
        long inboxId = inbox(messageId, address);
        MailReplyHandler handler = bot.service().context().getBeansOfType(MailReplyHandler.class).stream()
                .filter(h -> h.tokenPrefix().equals("c")).findFirst().orElseThrow();
        return inTx(() ->
                handler.onReply(token, new MailReply(p, messageId, "Re: Consultation", trimmed, trimmed + "\n\n> quoted",
                        Instant.now(), inboxId)));
    }

    /** As the email channel calls handlers: inside the inbound transaction. */
    private <T> T inTx(java.util.function.Supplier<T> work) {
        return bot.bean(org.engagebot.platform.Transactions.class).write(work);
    }

    private Participant emailParticipant(String address) {
        return bot.bean(Participants.class).identify("email", address, null);
    }

    private long inbox(String messageId, String address) {
        return bot.bean(Inbox.class).store(new InboundMessage("email", messageId, address, null,
                Input.fromText("mail"), "raw".getBytes())).orElseGet(() -> db.one("SELECT id FROM inbox WHERE external_id = ?",
                rs -> rs.getLong(1), messageId).orElseThrow());
    }

    private String token(String email, long consultationId) {
        return db.one("SELECT reply_token FROM consultation_invitee WHERE address = ? AND consultation_id = ?",
                rs -> rs.getString(1), email, consultationId).orElseThrow();
    }

    private List<OutboundMessage> outbox(String batch, String channel) {
        return outboxByAddress(batch, channel).stream().map(Map.Entry::getValue).toList();
    }

    private List<Map.Entry<String, OutboundMessage>> outboxByAddress(String batch, String channel) {
        return db.query("SELECT address, payload FROM outbox WHERE batch_type = ? AND channel = ? ORDER BY id",
                rs -> Map.entry(rs.getString(1), Outbox.read(rs.getString(2), OutboundMessage.class)), batch, channel);
    }

    private long contact(String name, String email, String language, String area, Boolean contactConsent, boolean subscribed) {
        long now = System.currentTimeMillis();
        long id = db.insert("INSERT INTO contact (organisation, name, email, language, area, subscribed, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", name + " Org", name, email, language, area, subscribed, now, now);
        if (contactConsent != null) {
            db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, 'contact', ?, "
                    + "'v1', 'import', ?)", id, contactConsent, now);
        }
        return id;
    }

    private void linkTelegram(long contactId, long chat, String language) {
        long now = System.currentTimeMillis();
        long p = db.insert("INSERT INTO participant (channel, address, language, created_at, last_seen_at) VALUES "
                + "('telegram', ?, ?, ?, ?)", Long.toString(chat), language, now, now);
        db.insert("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", contactId, p);
    }

    private static JsonNode find(JsonNode responses, String channel, String email, int version) {
        for (JsonNode r : responses) {
            if (r.get("channel").asText().equals(channel) && r.get("version").asInt() == version
                    && (email == null || email.equals(r.get("respondent").get("email").asText()))) {
                return r;
            }
        }
        throw new AssertionError("no response " + channel + " " + email + " v" + version);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }



}
