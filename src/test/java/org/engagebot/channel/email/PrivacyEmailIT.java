package org.engagebot.channel.email;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.privacy.RetentionJob;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;

/** "my data" and "forget me" by email, and an erasure that leaves nothing identifying in any table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyEmailIT {
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        Map<String, Object> props = new HashMap<>(mail.properties());
        props.put("engagebot.visits.staff-email", VisitEmailIT.STAFF);
        service = TestService.start(props);
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aRegisteredAddressGetsItsDataInItsLanguageAndAnUnknownOneAKindReply() throws Exception {
        WireFixtures.contact(db, "Megan Hughes", "megan@elusen.cymru", "cy", true);
        mail.toBot(mail.message("megan@elusen.cymru", "fy nata", "Helo"));
        MimeMessage request = mail.waitFor("megan@elusen.cymru", 1);
        assertThat(plain(request)).contains("gopi o'r data").doesNotContain("Megan Hughes", "/public/mydata/");
        replyTo(request, "megan@elusen.cymru", "Ie");
        String summary = plain(mail.waitFor("megan@elusen.cymru", 2));
        assertThat(summary).contains("Megan Hughes", "megan@elusen.cymru", "/public/mydata/").doesNotContain("Here is everything");
        Matcher link = Pattern.compile("/public/mydata/([A-Za-z0-9_-]{43})").matcher(summary);
        assertThat(link.find()).isTrue();
        String download = service.send(HttpRequest.newBuilder(service.url(link.group())).GET().build()).body();
        assertThat(download).contains("megan@elusen.cymru", "Megan Hughes Org");

        mail.toBot(mail.message("nobody@example.net", "Re: hello", "My data\n\nPlease send me what you hold."));
        String kind = plain(mail.waitFor("nobody@example.net", 1));
        assertThat(kind).contains("nobody@example.net is not registered", "forget me", "anghofiwch fi")
                .doesNotContain("/public/mydata/");

        mail.toBot(mail.message("nobody@example.net", "anghofiwch fi", ""));
        MimeMessage question = mail.waitFor("nobody@example.net", 2);
        assertThat(plain(question)).contains("Atebwch YDW i gadarnhau", "Reply YES to confirm");
        replyTo(question, "nobody@example.net", "Ie");
        assertThat(plain(mail.waitFor("nobody@example.net", 3))).contains("You were not registered with us");
        assertThat(db.count("SELECT count(*) FROM participant WHERE address = 'nobody@example.net'")).isZero();
    }

    @Test
    void forgetMeByEmailAsksForYesThenLeavesNothingIdentifyingBehind() throws Exception {
        String gwen = "gwen@cymorth.org";
        WireFixtures.contact(db, "Gwen Pritchard", gwen, "en", true);
        long consultation = openConsultation();
        mail.toBot(mail.message(gwen, "Views on " + reference(consultation), "More lights please. Gwen Pritchard, " + gwen));
        mail.waitFor(gwen, 1);
        applyForAVisit(gwen);
        assertThat(org.engagebot.testing.DatabaseScan.find(db, gwen, "Gwen Pritchard", "Cymorth Bala")).isNotEmpty();

        mail.toBot(mail.message(gwen, "Forget me", ""));
        MimeMessage questionMail = mail.waitFor(gwen, 6);
        String question = plain(questionMail);
        assertThat(question).contains("Are you sure", "Reply YES to confirm").doesNotContain("Ydych chi", "Answer:");
        replyTo(questionMail, gwen, "YES\n\n> " + question.replace("\n", "\n> "));
        assertThat(plain(mail.waitFor(gwen, 7))).contains("we have deleted everything we held about you");
        await(() -> db.count("SELECT count(*) FROM outbox WHERE status NOT IN ('SENT', 'FAILED') "
                + "AND id IN (SELECT outbox_id FROM privacy_scrub)") == 0, "goodbye sent");
        service.bean(RetentionJob.class).runOnce();

        assertThat(org.engagebot.testing.DatabaseScan.find(db, gwen, "Gwen Pritchard", "Cymorth Bala", "Neuadd y Dref", "+441678520123",
                "01678 520123", "clwb ieuenctid")).isEmpty();
        JsonNode responses = json(service.get("/api/consultations/" + consultation + "/responses"), 200);
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).get("text").asText()).isEqualTo("More lights please. [removed], [removed]");
        assertThat(db.count("SELECT count(*) FROM visit_application WHERE status = 'RECEIVED'")).isEqualTo(1);
    }

    /** Answers a message as a mail client does: to its Reply-To address, threaded. */
    private void replyTo(MimeMessage m, String from, String body) throws Exception {
        MimeMessage reply = mail.message(from, "Re: " + m.getSubject(), body);
        reply.setRecipient(MimeMessage.RecipientType.TO, new jakarta.mail.internet.InternetAddress(WireFixtures.replyTo(m)));
        reply.setHeader("In-Reply-To", m.getMessageID());
        mail.toBot(reply);
    }

    private void applyForAVisit(String gwen) throws Exception {
        mail.toBot(mail.message(gwen, "visit", ""));
        MimeMessage form = mail.waitFor(gwen, 2);
        mail.toBot(mail.message(gwen, "Re: " + form.getSubject(), VisitEmailIT.partialAnswers("Cymorth Bala",
                "Gwen Pritchard", gwen)));
        mail.waitFor(gwen, 3);
        mail.toBot(mail.message(gwen, "Re: " + form.getSubject(), "4. 5\n5. 01678 520123"));
        mail.waitFor(gwen, 4);
        mail.toBot(mail.message(gwen, "Re: " + form.getSubject(), "confirm"));
        assertThat(plain(mail.waitFor(gwen, 5))).contains("VIS-");
        mail.waitFor(VisitEmailIT.STAFF, 1);
    }

    private long openConsultation() {
        Instant now = service.bean(Clock.class).instant();
        long id = json(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, "
                + "\"summary\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, \"opensAt\": \"" + now.minus(Duration.ofDays(1))
                + "\", \"closesAt\": \"" + now.plus(Duration.ofDays(100)) + "\", \"questions\": [{\"text\": {\"en\": "
                + "\"Where?\", \"cy\": \"Ble?\"}}], \"audience\": {\"areas\": [\"nowhere\"]}}"), 201).get("id").asLong();
        json(service.postJson("/api/consultations/" + id + "/publish", ""), 200);
        return id;
    }

    private String reference(long id) {
        return db.one("SELECT reference FROM consultation WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
    }
}
