package org.engagebot.newsletters;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;
import static org.engagebot.newsletters.NewsletterDeliveryIT.json;

/**
 * Which language a reader gets, by email (GreenMail) and Telegram (FakeBotApi): the contact's language, else the
 * one they chose with /language, else Welsh and English together. The audience's language filter and the staff
 * preview follow the same rule as the delivery.
 */
class NewsletterLanguageIT {
    private static final long CHOSE_WELSH = 8101;
    private static final long ENGLISH_CONTACT = 8102;
    private static final long UNKNOWN = 8103;
    private static final String WINTER = "{\"title\": {\"en\": \"Winter news\", \"cy\": \"Newyddion y gaeaf\"}, "
            + "\"body\": {\"en\": \"Funding is **open**.\", \"cy\": \"Mae cyllid **ar agor**.\"}";
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().withMail()
            .property("engagebot.newsletters.poll-interval", "300ms");
    private long choseWelsh;
    private long english;
    private long unknown;

    @BeforeEach
    void seed() {
        Db db = bot.bean(Db.class);
        choseWelsh = Fixtures.contact(db, "chose@example.org", null, true, false);
        Fixtures.telegram(db, choseWelsh, CHOSE_WELSH, null);
        english = Fixtures.contact(db, "english@example.org", "en", true, false);
        Fixtures.telegram(db, english, ENGLISH_CONTACT, null);
        unknown = Fixtures.contact(db, "unknown@example.org", null, true, false);
        Fixtures.telegram(db, unknown, UNKNOWN, null);
        for (long chat : new long[]{CHOSE_WELSH, ENGLISH_CONTACT}) {
            bot.say(chat, "/language", "Welsh or English");
            bot.tap(chat, "l:cy", "Byddwn yn siarad yn Gymraeg");
        }
    }

    @Test
    void theLanguageFilterCountsReadersByTheLanguageTheyWillGet() {
        JsonNode welsh = json(bot.get("/api/newsletters/" + create(", \"audience\": {\"languages\": [\"cy\"]}}")
                + "/audience"));
        assertThat(welsh.get("contacts").asLong()).isEqualTo(1);
        assertThat(welsh.get("email").asLong()).isEqualTo(1);
        assertThat(welsh.get("telegram").asLong()).isEqualTo(1);
        JsonNode englishOnly = json(bot.get("/api/newsletters/" + create(", \"audience\": {\"languages\": [\"en\"]}}")
                + "/audience"));
        assertThat(englishOnly.get("contacts").asLong()).isEqualTo(1);
    }

    @Test
    void eachReaderGetsTheLanguageThePreviewShowedOnBothChannels() throws Exception {
        long id = create("}");
        JsonNode welshChat = preview(id, choseWelsh, "telegram");
        assertThat(welshChat.get("language").asText()).isEqualTo("cy");
        assertThat(welshChat.get("telegramHtml").asText()).contains("Newyddion y gaeaf").doesNotContain("Winter news");
        assertThat(preview(id, english, "telegram").get("language").asText()).as("the contact's language wins").isEqualTo("en");
        assertThat(preview(id, unknown, "email").get("language").asText()).isEqualTo("cy+en");
        assertThat(bot.get("/api/newsletters/" + id + "/preview?contactId=999999&channel=email").statusCode())
                .isEqualTo(404);
        Map<Long, JsonNode> emailPreviews = Map.of(choseWelsh, preview(id, choseWelsh, "email"),
                english, preview(id, english, "email"), unknown, preview(id, unknown, "email"));

        assertThat(bot.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        awaitTrue(() -> "SENT".equals(json(bot.get("/api/newsletters/" + id)).get("status").asText()));

        assertThat(sentText(CHOSE_WELSH)).contains("Newyddion y gaeaf", "ar agor").doesNotContain("Winter news");
        assertThat(sentText(ENGLISH_CONTACT)).contains("Winter news").doesNotContain("Newyddion");
        String both = sentText(UNKNOWN);
        assertThat(both.indexOf("Newyddion y gaeaf")).isNotNegative().isLessThan(both.indexOf("Winter news"));

        assertThat(subject("chose@example.org")).isEqualTo("Newyddion y gaeaf");
        assertThat(subject("english@example.org")).isEqualTo("Winter news");
        assertThat(subject("unknown@example.org")).isEqualTo("Newyddion y gaeaf / Winter news");
        assertThat(emailPreviews.get(choseWelsh).get("subject").asText()).isEqualTo(subject("chose@example.org"));
        assertThat(emailPreviews.get(english).get("subject").asText()).isEqualTo(subject("english@example.org"));
        assertThat(emailPreviews.get(unknown).get("subject").asText()).isEqualTo(subject("unknown@example.org"));
        assertThat(emailPreviews.get(english).get("emailHeaders").get("List-Unsubscribe-Post").asText())
                .isEqualTo("List-Unsubscribe=One-Click");
    }

    private long create(String rest) {
        return json(bot.postJson("/api/newsletters", WINTER + rest)).get("id").asLong();
    }

    private JsonNode preview(long id, long contactId, String channel) {
        return json(bot.get("/api/newsletters/" + id + "/preview?contactId=" + contactId + "&channel=" + channel));
    }

    private String sentText(long chat) {
        SentMessage m = bot.awaitMessage(chat, s -> s.text().contains("gaeaf") || s.text().contains("Winter"));
        return m.text();
    }

    private String subject(String address) throws Exception {
        awaitTrue(() -> !bot.mail().to(address).isEmpty());
        MimeMessage m = bot.mail().to(address).get(0);
        return m.getSubject();
    }
}
