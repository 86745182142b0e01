package org.engagebot.channel.email;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;
import static org.engagebot.channel.email.WireFixtures.header;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;
import static org.engagebot.channel.email.WireFixtures.replyTo;

/** Consultations over real SMTP/IMAP: invitation, replies from several mail clients, acknowledgements, outcome. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationEmailIT {
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(new HashMap<>(mail.properties()));
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void repliesFromEveryMailClientKeepOnlyTheNewTextAndTheOutcomeIsThreadedToThem() throws Exception {
        WireFixtures.contact(db, "Tom", "tom@youth.org", "en", false);
        WireFixtures.contact(db, "Bob", "bob@outlook.example", "en", false);
        WireFixtures.contact(db, "Ann", "ann@apple.example", null, false);
        WireFixtures.contact(db, "Siân", "sian@tai.cymru", "cy", false);
        long id = publish("{\"title\": {\"en\": \"Street lighting\", \"cy\": \"Goleuadau stryd\"}, \"summary\": {\"en\": "
                + "\"Where is it too dark?\", \"cy\": \"Ble mae'n rhy dywyll?\"}, \"questions\": [{\"text\": {\"en\": "
                + "\"Which streets feel unsafe?\", \"cy\": \"Pa strydoedd sy'n teimlo'n anniogel?\"}}]}", 100);

        MimeMessage toTom = mail.waitFor("tom@youth.org", 1);
        assertThat(replyTo(toTom)).matches("engage\\+c-[0-9a-f]{24}@opcc\\.example");
        assertThat(plain(toTom)).contains("Which streets feel unsafe?");
        assertThat(plain(mail.waitFor("sian@tai.cymru", 1))).contains("Pa strydoedd").doesNotContain("Which streets");

        reply("tom@youth.org", toTom, "<tom-1@youth.org>", "Station Road, near the underpass.\n\n-- \nTom Jones\nYouth Org\n\n"
                + "On Mon, 23 Nov 2026 at 10:00, Engagebot <engage@opcc.example> wrote:\n" + quoted(toTom));
        MimeMessage toBob = mail.waitFor("bob@outlook.example", 1);
        reply("bob@outlook.example", toBob, "<bob-1@outlook.example>", "High Street after dark.\n\n"
                + "________________________________\nFrom: Engagebot <engage@opcc.example>\nSent: Monday, 23 November "
                + "2026 10:00\nTo: bob@outlook.example\nSubject: " + toBob.getSubject() + "\n\n" + plain(toBob));
        MimeMessage toAnn = mail.waitFor("ann@apple.example", 1);
        reply("ann@apple.example", toAnn, "<ann-1@apple.example>", "The park path.\n\nSent from my iPhone\n\n"
                + "> On 23 Nov 2026, at 10:00, Engagebot <engage@opcc.example> wrote:\n> \n" + quoted(toAnn));
        MimeMessage toSian = mail.waitFor("sian@tai.cymru", 1);
        reply("sian@tai.cymru", toSian, "<sian-1@tai.cymru>", "Y stryd fawr gyda'r nos.\n\nAr Llun, 23 Tach 2026 am "
                + "10:00, Engagebot <engage@opcc.example> ysgrifennodd:\n" + quoted(toSian));

        assertThat(plain(mail.waitFor("tom@youth.org", 2))).contains("Thank you").doesNotContain("Diolch");
        assertThat(plain(mail.waitFor("sian@tai.cymru", 2))).contains("Diolch").doesNotContain("Thank you");
        mail.waitFor("bob@outlook.example", 2);
        mail.waitFor("ann@apple.example", 2);
        JsonNode responses = json(service.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(texts(responses)).containsExactlyInAnyOrder("Station Road, near the underpass.",
                "High Street after dark.", "The park path.", "Y stryd fawr gyda'r nos.");

        MimeMessage away = mail.message("ann@apple.example", "Out of office", "I am away until Monday.");
        away.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(toAnn)));
        away.setHeader("Auto-Submitted", "auto-replied");
        away.setHeader("Message-ID", "<ann-away@apple.example>");
        mail.toBot(away);
        mail.rawToBot(MailHarness.hardBounce("tom@youth.org", "bounce-1@mx.example.org", toTom.getMessageID()));
        await(() -> "PROCESSED".equals(WireFixtures.inboxStatus(db, "ann-away@apple.example"))
                && "PROCESSED".equals(WireFixtures.inboxStatus(db, "bounce-1@mx.example.org")), "auto-reply and bounce");
        assertThat(json(service.get("/api/consultations/" + id + "/responses"), 200)).hasSize(4);
        assertThat(mail.to("ann@apple.example")).hasSize(2);

        json(service.postJson("/api/consultations/" + id + "/outcome", "{\"text\": {\"en\": \"We will light Station Road.\", "
                + "\"cy\": \"Byddwn yn goleuo Ffordd yr Orsaf.\"}}"), 200);
        MimeMessage outcomeToSian = mail.waitFor("sian@tai.cymru", 3);
        assertThat(header(outcomeToSian, "In-Reply-To")).isEqualTo("<sian-1@tai.cymru>");
        assertThat(plain(outcomeToSian)).contains("Ffordd yr Orsaf").doesNotContain("Station Road");
        MimeMessage outcomeToBob = mail.waitFor("bob@outlook.example", 3);
        assertThat(header(outcomeToBob, "In-Reply-To")).isEqualTo("<bob-1@outlook.example>");
        assertThat(plain(outcomeToBob)).contains("We will light Station Road.");
    }

    @Test
    void anyoneMayAnswerByNamingTheReferenceAndALateAnswerIsKeptFlaggedAndAnsweredPolitely() throws Exception {
        long open = publish("{\"title\": {\"en\": \"Night buses\", \"cy\": \"Bysiau nos\"}, \"summary\": {\"en\": \"Buses\", "
                + "\"cy\": \"Bysiau\"}, \"questions\": [{\"text\": {\"en\": \"Where to?\", \"cy\": \"I ble?\"}}], "
                + "\"audience\": {\"areas\": [\"nowhere\"]}}", 100);
        String reference = reference(open);
        mail.toBot(mail.message("stranger@example.net", "Views on " + reference, "More buses from Bangor at night.\n\n-- \nSam"));
        assertThat(plain(mail.waitFor("stranger@example.net", 1))).contains("Thank you", "Diolch");
        mail.toBot(mail.message("other@example.net", "Hello", "About " + reference.toLowerCase() + ": to Caernarfon, please."));
        mail.waitFor("other@example.net", 1);
        JsonNode responses = json(service.get("/api/consultations/" + open + "/responses"), 200);
        assertThat(texts(responses)).containsExactlyInAnyOrder("More buses from Bangor at night.",
                "About " + reference.toLowerCase() + ": to Caernarfon, please.");
        assertThat(responses.get(0).get("respondent").get("email").asText()).isEqualTo("stranger@example.net");

        long closed = publish("{\"title\": {\"en\": \"Precept\", \"cy\": \"Praesept\"}, \"summary\": {\"en\": \"Budget\", "
                + "\"cy\": \"Cyllideb\"}, \"shortReason\": {\"en\": \"Statutory\", \"cy\": \"Statudol\"}, \"questions\": "
                + "[{\"text\": {\"en\": \"Views?\", \"cy\": \"Barn?\"}}], \"audience\": {\"areas\": [\"nowhere\"]}}", -1);
        mail.toBot(mail.message("late@example.net", "Re: " + reference(closed), "Keep it low."));
        String ack = plain(mail.waitFor("late@example.net", 1));
        assertThat(ack).contains("arrived late", "yn hwyr");
        JsonNode late = json(service.get("/api/consultations/" + closed + "/responses"), 200);
        assertThat(late.get(0).get("late").asBoolean()).isTrue();
        assertThat(late.get(0).get("text").asText()).isEqualTo("Keep it low.");
    }

    private long publish(String body, int closesInDays) {
        Instant now = service.bean(Clock.class).instant();
        String dates = "\"opensAt\": \"" + now.minus(Duration.ofDays(closesInDays > 0 ? 1 : 40)) + "\", \"closesAt\": \""
                + now.plus(Duration.ofDays(closesInDays)) + "\", ";
        long id = json(service.postJson("/api/consultations", "{" + dates + body.substring(1)), 201).get("id").asLong();
        json(service.postJson("/api/consultations/" + id + "/publish", ""), 200);
        return id;
    }

    private String reference(long id) {
        return db.one("SELECT reference FROM consultation WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }

    private void reply(String from, MimeMessage invitation, String messageId, String body) throws Exception {
        MimeMessage m = mail.message(from, "Re: " + invitation.getSubject(), body);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(replyTo(invitation)));
        m.setHeader("In-Reply-To", invitation.getMessageID());
        m.setHeader("Message-ID", messageId);
        mail.toBot(m);
    }

    private static String quoted(MimeMessage m) {
        return "> " + plain(m).replace("\r\n", "\n").replace("\n", "\n> ");
    }

    private static java.util.List<String> texts(JsonNode responses) {
        java.util.List<String> out = new java.util.ArrayList<>();
        responses.forEach(r -> out.add(r.get("text").asText()));
        return out;
    }
}
