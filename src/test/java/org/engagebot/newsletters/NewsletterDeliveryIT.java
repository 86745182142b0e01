package org.engagebot.newsletters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Newsletters end to end: staff API, audience, outbox rows, real Telegram client against the fake Bot API. */
class NewsletterDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.public-url", "https://engage.example.org");
    private Db db;

    @BeforeEach
    void seed() {
        db = bot.bean(Db.class);
    }

    @Test
    void eachReaderGetsTheirLanguageOnlyOnChannelsTheyConsentedToAndHeldAddressesAreSkipped() throws Exception {
        long welsh = Fixtures.contact(db, "cy@example.org", "cy", true, false);
        long english = Fixtures.contact(db, "en@example.org", "en", true, false);
        long unknown = Fixtures.contact(db, "both@example.org", null, true, false);
        Fixtures.telegram(db, unknown, 5001, null);
        long bounced = Fixtures.contact(db, "bounced@example.org", "en", true, true);
        Fixtures.telegram(db, bounced, 5002, "en");
        Fixtures.contact(db, "unsubscribed@example.org", "en", false, false);
        long withdrew = Fixtures.contact(db, "withdrew@example.org", "en", true, false);
        Fixtures.consent(db, withdrew, false);
        long noChatConsent = Fixtures.contact(db, "emailonly@example.org", "en", true, false);
        Fixtures.linkChat(db, noChatConsent, 5003, "en");

        long id = create("{\"title\": {\"en\": \"Winter news\", \"cy\": \"Newyddion y gaeaf\"}, "
                + "\"body\": {\"en\": \"Funding is **open**.\", \"cy\": \"Mae cyllid **ar agor**.\"}, \"tags\": [\"funding\"]}");
        JsonNode audience = json(bot.get("/api/newsletters/" + id + "/audience"));
        assertThat(audience.get("email").asLong()).isEqualTo(4);
        assertThat(audience.get("telegram").asLong()).isEqualTo(2);
        assertThat(audience.get("skippedEmailOnHold").asLong()).isEqualTo(1);

        assertThat(bot.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        SentMessage both = bot.awaitMessage(5001, m -> m.text().contains("Winter news"));
        assertThat(both.text().indexOf("Newyddion y gaeaf")).isLessThan(both.text().indexOf("Winter news"));
        assertThat(both.callbackData()).containsExactly("/unsubscribe");
        SentMessage en = bot.awaitMessage(5002, m -> m.text().contains("Winter news"));
        assertThat(en.text()).doesNotContain("Newyddion");

        assertThat(emailTo("cy@example.org").subject()).isEqualTo("Newyddion y gaeaf");
        assertThat(emailTo("en@example.org").subject()).isEqualTo("Winter news");
        assertThat(emailTo("both@example.org").subject()).isEqualTo("Newyddion y gaeaf / Winter news");
        assertThat(emailTo("en@example.org").emailHeaders().get("List-Unsubscribe"))
                .startsWith("<https://engage.example.org/public/unsubscribe/");
        assertThat(db.count("SELECT count(*) FROM outbox WHERE address IN ('bounced@example.org', "
                + "'unsubscribed@example.org', 'withdrew@example.org', '5003')")).isZero();
        assertThat(emailTo("emailonly@example.org").subject()).isEqualTo("Winter news");

        JsonNode progress = json(bot.get("/api/newsletters/" + id));
        assertThat(progress.get("total").asLong()).isEqualTo(6);
        assertThat(progress.get("skipped").asLong()).isEqualTo(1);
        awaitTrue(() -> json(bot.get("/api/newsletters/" + id)).get("sent").asLong() == 2);
        assertThat(json(bot.get("/api/newsletters/" + id + "/recipients")).findValuesAsText("status"))
                .containsOnly("sent", "queued").hasSize(6);
    }

    @Test
    void aMessageOverTelegramsLimitIsDeliveredInParts() throws Exception {
        long c = Fixtures.contact(db, null, "en", true, false);
        Fixtures.telegram(db, c, 6001, "en");
        String paragraph = "Community safety grants are open to voluntary groups across North Wales. ";
        String body = (paragraph.repeat(6) + "\\n\\n").repeat(12) + "The end.";
        long id = create("{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Long one\", \"body\": \"" + body + "\"}");
        bot.postJson("/api/newsletters/" + id + "/send", "{}");
        awaitTrue(() -> bot.sentTo(6001).stream().anyMatch(m -> m.text().contains("The end.")));
        List<SentMessage> parts = bot.sentTo(6001);
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(4096));
        assertThat(parts.get(parts.size() - 1).callbackData()).containsExactly("/unsubscribe");
        assertThat(parts.subList(0, parts.size() - 1)).as("split between sentences, not inside a word or tag")
                .allSatisfy(p -> assertThat(p.text().strip()).endsWith("North Wales."));
        String joined = String.join("\n", parts.stream().map(SentMessage::text).toList());
        assertThat(joined.split("Community safety grants", -1)).as("nothing lost or repeated").hasSize(6 * 12 + 1);
        assertThat(parts).allSatisfy(p -> assertThat(p.text().split("<b>", -1).length)
                .isEqualTo(p.text().split("</b>", -1).length));
        awaitTrue(() -> "SENT".equals(json(bot.get("/api/newsletters/" + id)).get("status").asText()));
    }

    @Test
    void aSendInterruptedByARestartReachesEveryoneExactlyOnceApartFromInFlight() throws Exception {
        int chats = 60;
        for (int i = 0; i < chats; i++) {
            long c = Fixtures.contact(db, null, "en", true, false);
            Fixtures.telegram(db, c, 10_000 + i, "en");
        }
        bot.telegram().latency(Duration.ofMillis(150));
        long id = create("{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Restart\", \"body\": \"Hello\"}");
        bot.postJson("/api/newsletters/" + id + "/send", "{}");
        awaitTrue(() -> bot.telegram().sent().size() >= 10);
        bot.service().restart();
        db = bot.bean(Db.class);
        awaitTrue(() -> "SENT".equals(json(bot.get("/api/newsletters/" + id)).get("status").asText()));

        assertThat(db.count("SELECT count(*) FROM outbox WHERE batch_id = ? AND status = 'SENT'", id)).isEqualTo(chats);
        assertThat(db.count("SELECT count(DISTINCT address) FROM outbox WHERE batch_id = ?", id)).isEqualTo(chats);
        for (int i = 0; i < chats; i++) {
            assertThat(bot.sentTo(10_000 + i)).as("chat %d", i).isNotEmpty();
        }
        int duplicates = bot.telegram().sent().size() - chats;
        assertThat(duplicates).as("only messages in flight at the restart go twice").isLessThanOrEqualTo(32);
    }

    private long create(String body) throws Exception {
        HttpResponse<String> created = bot.postJson("/api/newsletters", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private OutboundMessage emailTo(String address) {
        String payload = db.one("SELECT payload FROM outbox WHERE channel = 'email' AND address = ?",
                rs -> rs.getString(1), address).orElseThrow();
        return Outbox.read(payload, OutboundMessage.class);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}
