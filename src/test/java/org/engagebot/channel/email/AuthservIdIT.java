package org.engagebot.channel.email;

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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.replyTo;

/**
 * An Authentication-Results header is only as good as the server that wrote it. A forger writes her own ("spf=pass;
 * dkim=pass; dmarc=pass") into the mail; with {@code engagebot.mail.authserv-id} naming the office's receiving
 * server, staff see only that server's verdict, never the one the sender wrote (RFC 8601, section 5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthservIdIT {
    private static final String SIAN = "sian@tai.example";
    private static final String MALLORY = "mallory@evil.example";
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        Map<String, Object> properties = new HashMap<>(mail.properties());
        properties.put("engagebot.mail.authserv-id", "MX.opcc.example, mx2.opcc.example");
        service = TestService.start(properties);
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void aVerdictTheSenderWroteIsNotShownAsTheServersOwn() throws Exception {
        WireFixtures.contact(db, "Siân Williams", SIAN, "en", false);
        long id = publish();
        MimeMessage invitation = mail.waitFor(SIAN, 1);

        MimeMessage forged = reply(MALLORY, replyTo(invitation), "<m-1@evil.example>", "Forged verdict only.");
        forged.addHeader("Authentication-Results", "mx.opcc.example.evil.example; spf=pass; dkim=pass; dmarc=pass");
        mail.toBot(forged);
        mail.waitFor(MALLORY, 1);

        MimeMessage both = reply(MALLORY, replyTo(invitation), "<m-2@evil.example>", "Ours above the forged one.");
        both.addHeader("Authentication-Results", "mx.opcc.example; spf=fail smtp.mailfrom=evil.example; dkim=none; dmarc=fail");
        both.addHeader("Authentication-Results", "evil.example; spf=pass; dkim=pass; dmarc=pass");
        mail.toBot(both);
        mail.waitFor(MALLORY, 2);

        JsonNode responses = json(service.get("/api/consultations/" + id + "/responses"), 200);
        assertThat(find(responses, "Forged verdict only.").path("authentication").isNull()
                || find(responses, "Forged verdict only.").path("authentication").isMissingNode())
                .as("a verdict from a server that is not ours is not shown").isTrue();
        JsonNode ours = find(responses, "Ours above the forged one.").get("authentication");
        assertThat(ours.get("server").asText()).isEqualTo("mx.opcc.example");
        assertThat(ours.get("spf").asText()).isEqualTo("fail");
        assertThat(ours.get("dmarc").asText()).isEqualTo("fail");
        assertThat(ours.get("verified").asBoolean()).as("written by a server named in engagebot.mail.authserv-id").isTrue();
        assertThat(service.get("/console/consultations/" + id).body()).contains("spf=fail dkim=none dmarc=fail (mx.opcc.example)")
                .doesNotContain("unverified");
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

    private MimeMessage reply(String from, String to, String messageId, String body) throws Exception {
        MimeMessage m = mail.message(from, "Re: Park lights", body);
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setHeader("Message-ID", messageId);
        return m;
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
