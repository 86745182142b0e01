package org.engagebot.channel.email;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.channel.email.WireFixtures.header;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;
import static org.engagebot.channel.email.WireFixtures.replyTo;

/**
 * Consultation replies belong to their sender: a reply to her invitation from another address (by her reply token
 * or her invitation's Message-ID) is that sender's own response, flagged for staff, and never changes hers; she
 * still answers and amends her own, and a forged mail in her name without her token cannot amend it. The receiving
 * server's Authentication-Results verdict is shown to staff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationSenderIT {
    private static final String SIAN = "sian@tai.example";
    private static final String MALLORY = "mallory@evil.example";
    private MailHarness mail;
    private TestService service;
    private Db db;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    void start() {
        log.start();
        ((Logger) LoggerFactory.getLogger(TrustedVerdicts.class)).addAppender(log);
        mail = new MailHarness();
        service = TestService.start(new HashMap<>(mail.properties()));
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        ((Logger) LoggerFactory.getLogger(TrustedVerdicts.class)).detachAppender(log);
        service.close();
        mail.close();
    }

    @Test
    void aReplyToHerInvitationFromAnotherAddressIsTheSendersOwnFlaggedResponseAndTheOutcomeGoesToEachSender() throws Exception {
        WireFixtures.contact(db, "Siân Williams", SIAN, "en", false);
        long id = publish();
        MimeMessage invitation = mail.waitFor(SIAN, 1);

        reply(SIAN, replyTo(invitation), invitation.getMessageID(), "<sian-1@tai.example>", "The park path.", null);
        assertThat(plain(mail.waitFor(SIAN, 2))).contains("Thank you");

        reply(MALLORY, replyTo(invitation), invitation.getMessageID(), "<mallory-1@evil.example>",
                "Nowhere, it is all fine.", "mx.opcc.example; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail "
                        + "header.from=evil.example");
        MimeMessage toMallory = mail.waitFor(MALLORY, 1);
        assertThat(replyTo(toMallory)).isNotEqualTo(replyTo(invitation));
        reply(MALLORY, MailHarness.BOT, invitation.getMessageID(), "<mallory-2@evil.example>", "Really, no lights.", null);
        mail.waitFor(MALLORY, 2);

        reply(SIAN, replyTo(invitation), invitation.getMessageID(), "<sian-2@tai.example>", "The park path and the car park.", null);
        assertThat(plain(mail.waitFor(SIAN, 3))).contains("update to your earlier response", "version 2");

        String reference = db.one("SELECT reference FROM consultation WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
        MimeMessage forged = mail.message(SIAN, "Change to " + reference, "Actually nowhere needs lights.");
        forged.setHeader("Message-ID", "<forged-1@evil.example>");
        mail.toBot(forged);
        mail.waitFor(SIAN, 4);

        JsonNode responses = json(service.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(responses).hasSize(5);
        JsonNode unproven = find(responses, "Actually nowhere needs lights.");
        assertThat(unproven.get("version").asInt()).isEqualTo(1);
        assertThat(unproven.hasNonNull("amends")).isFalse();
        JsonNode sian1 = find(responses, "The park path.");
        JsonNode sian2 = find(responses, "The park path and the car park.");
        assertThat(sian2.get("amends").asLong()).isEqualTo(sian1.get("id").asLong());
        assertThat(sian2.get("respondent").get("email").asText()).isEqualTo(SIAN);
        assertThat(sian2.hasNonNull("flag")).isFalse();
        assertThat(unproven.get("flag").asText()).isEqualTo("sent without a reply token from this address, so not taken "
                + "as a change to R-" + sian2.get("id").asLong());
        for (String text : new String[]{"Nowhere, it is all fine.", "Really, no lights."}) {
            JsonNode m = find(responses, text);
            assertThat(m.get("respondent").get("email").asText()).isEqualTo(MALLORY);
            assertThat(m.path("respondent").path("name").asText("")).doesNotContain("Siân");
            assertThat(m.get("version").asInt()).isEqualTo(1);
            assertThat(m.hasNonNull("amends")).isFalse();
            assertThat(m.get("flag").asText()).isEqualTo("replied to someone else's invitation");
        }
        JsonNode checked = find(responses, "Nowhere, it is all fine.").get("authentication");
        assertThat(checked.get("spf").asText()).isEqualTo("fail");
        assertThat(checked.get("dkim").asText()).isEqualTo("none");
        assertThat(checked.get("dmarc").asText()).isEqualTo("fail");
        assertThat(checked.get("server").asText()).isEqualTo("mx.opcc.example");
        assertThat(checked.get("verified").asBoolean()).as("no engagebot.mail.authserv-id: the sender may have written it")
                .isFalse();

        long malloryResponse = find(responses, "Nowhere, it is all fine.").get("id").asLong();
        String console = service.get("/console/consultations/" + id).body();
        assertThat(console).contains("Flagged: replied to someone else&#39;s invitation",
                "spf=fail dkim=none dmarc=fail (mx.opcc.example) (unverified: not written by a mail server named in "
                        + "engagebot.mail.authserv-id");
        assertThat(log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .as("said once at start-up").singleElement().asString().startsWith("engagebot.mail.authserv-id is not set");
        assertThat(service.get("/console/consultations/" + id + "/responses/" + malloryResponse + "/raw").body())
                .contains("spf=fail dkim=none dmarc=fail", "Nowhere, it is all fine.");

        json(service.postJson("/api/consultations/" + id + "/outcome", "{\"text\": {\"en\": \"We will light the park.\", "
                + "\"cy\": \"Byddwn yn goleuo'r parc.\"}}"), 200);
        mail.waitFor(SIAN, 6);
        MimeMessage outcomeToSian = mail.to(SIAN).subList(4, 6).stream()
                .filter(m -> plain(m).contains("Your response R-" + sian2.get("id").asLong())).findFirst().orElseThrow();
        assertThat(header(outcomeToSian, "In-Reply-To")).isEqualTo("<sian-2@tai.example>");
        mail.waitFor(MALLORY, 4);
        assertThat(mail.to(MALLORY).subList(2, 4)).extracting(WireFixtures::plain).allSatisfy(t -> assertThat(t)
                .contains("We will light the park.", "Your response R-").doesNotContain("R-" + sian2.get("id").asLong()));
    }

    /**
     * A stranger who knows Nia's address writes first, "from" her, naming the consultation's reference (no token).
     * That must not become Nia's response: her own reply through her invitation is her first response, not an
     * amendment of his text, and his stays apart, flagged.
     */
    @Test
    void aForgedFirstReplyNamingTheReferenceNeverStartsTheContactsResponse() throws Exception {
        WireFixtures.contact(db, "Nia Rowlands", "nia@bangor.example", "en", false);
        long id = publish();
        MimeMessage invitation = mail.waitFor("nia@bangor.example", 1);
        String reference = db.one("SELECT reference FROM consultation WHERE id = ?", rs -> rs.getString(1), id).orElseThrow();
        MimeMessage forged = mail.message("nia@bangor.example", "Re: " + reference, "Switch every park light off.");
        forged.setHeader("Message-ID", "<forged-nia@evil.example>");
        mail.toBot(forged);
        mail.waitFor("nia@bangor.example", 2);
        reply("nia@bangor.example", replyTo(invitation), invitation.getMessageID(), "<nia-1@bangor.example>",
                "More lights by the river.", null);
        assertThat(plain(mail.waitFor("nia@bangor.example", 3))).contains("Thank you").doesNotContain("version 2");

        JsonNode responses = json(service.get("/api/consultations/" + id + "/responses"), 200);
        JsonNode hers = find(responses, "More lights by the river.");
        assertThat(hers.get("version").asInt()).isEqualTo(1);
        assertThat(hers.hasNonNull("amends")).as("not an amendment of the forged mail").isFalse();
        assertThat(hers.hasNonNull("flag")).isFalse();
        JsonNode his = find(responses, "Switch every park light off.");
        assertThat(his.get("flag").asText()).startsWith("sent without a reply token from this address, so not proven");
    }

    @Test
    void aNameInTheFromHeaderIsNeverShownToStaffAsTheRespondentsName() throws Exception {
        WireFixtures.contact(db, "Gwen Parry", "gwen@llan.example", "en", false);
        long id = publish();
        MimeMessage invitation = mail.waitFor("gwen@llan.example", 1);
        reply("\"Mayor of Cardiff\" <mayor@spoof.example>", replyTo(invitation), invitation.getMessageID(),
                "<mayor-1@spoof.example>", "Close the park at dusk.", null);
        mail.waitFor("mayor@spoof.example", 1);

        JsonNode response = find(json(service.get("/api/consultations/" + id + "/responses"), 200), "Close the park at dusk.");
        assertThat(response.get("respondent").get("email").asText()).isEqualTo("mayor@spoof.example");
        assertThat(response.get("respondent").path("name").asText("")).as("API JSON").doesNotContain("Mayor");
        String csv = service.send(java.net.http.HttpRequest.newBuilder(service.url("/api/consultations/" + id + "/responses"))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD))
                .header("Accept", "text/csv").GET().build()).body();
        assertThat(csv).as("CSV export").contains("mayor@spoof.example").doesNotContain("Mayor of Cardiff");
        assertThat(service.get("/console/consultations/" + id).body()).as("console").contains("mayor@spoof.example")
                .doesNotContain("Mayor of Cardiff");
        assertThat(db.count("SELECT count(*) FROM participant WHERE channel = 'email' AND address = ?", "mayor@spoof.example"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM participant WHERE channel = 'email' AND address = ? AND display_name "
                + "IS NOT NULL", "mayor@spoof.example")).as("kept nowhere for enquiries or events either").isZero();
    }

    private long publish() {
        Instant now = service.bean(Clock.class).instant();
        long id = json(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Park lights\", \"cy\": \"Goleuadau'r parc\"}, "
                + "\"summary\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, \"opensAt\": \"" + now.minus(Duration.ofDays(1))
                + "\", \"closesAt\": \"" + now.plus(Duration.ofDays(100)) + "\", \"questions\": [{\"text\": {\"en\": "
                + "\"Where?\", \"cy\": \"Ble?\"}}]}"), 201).get("id").asLong();
        json(service.postJson("/api/consultations/" + id + "/publish", ""), 200);
        return id;
    }

    /** A reply as a mail client sends it; {@code authenticationResults} as the receiving server would prepend it. */
    private void reply(String from, String to, String inReplyTo, String messageId, String body,
                       String authenticationResults) throws Exception {
        MimeMessage m = mail.message(from, "Re: Park lights", body);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setHeader("In-Reply-To", inReplyTo);
        m.setHeader("Message-ID", messageId);
        if (authenticationResults != null) {
            m.setHeader("Authentication-Results", authenticationResults);
        }
        mail.toBot(m);
    }

    private static JsonNode find(JsonNode responses, String text) {
        for (JsonNode r : responses) {
            if (r.get("text").asText().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no response " + text + " in " + responses);
    }
}
