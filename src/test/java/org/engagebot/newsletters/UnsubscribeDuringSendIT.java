package org.engagebot.newsletters;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;
import static org.engagebot.newsletters.NewsletterDeliveryIT.json;

/**
 * A newsletter is still going out (slow SMTP rate, a long Telegram queue) when readers at the end of the queue
 * leave: by the Telegram button, by the email's one-click POST, by /forget, or their address bounces. None of them
 * gets it on any channel, their rows end with a reason staff can see, and the counts add up.
 */
class UnsubscribeDuringSendIT {
    private static final int CHAT_FILLERS = 240;
    private static final int EMAIL_FILLERS = 30;
    private static final long BUTTON = 7001;
    private static final long POSTER = 7002;
    private static final long FORGETTER = 7003;
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().withMail()
            .property("engagebot.public-url", "https://engage.example.org")
            .property("engagebot.mail.rate", 3)
            .property("engagebot.newsletters.poll-interval", "300ms");
    private Db db;

    @BeforeEach
    void seed() {
        db = bot.bean(Db.class);
    }

    @Test
    void readersWhoLeaveMidSendGetNothingMoreAndTheirRowsSayWhy() throws Exception {
        for (int i = 0; i < CHAT_FILLERS; i++) {
            Fixtures.telegram(db, Fixtures.contact(db, null, "en", true, false), 20_000 + i, "en");
        }
        for (int i = 0; i < EMAIL_FILLERS; i++) {
            Fixtures.contact(db, "filler" + i + "@example.org", "en", true, false);
        }
        for (long chat : List.of(BUTTON, POSTER, FORGETTER)) {
            String email = chat == BUTTON ? "button@example.org" : chat == POSTER ? "poster@example.org" : "forgetter@example.org";
            long contact = Fixtures.contact(db, email, "en", true, false);
            Fixtures.telegram(db, contact, chat, "en");
        }
        Fixtures.contact(db, "bouncer@example.org", "en", true, false);
        // a bounce is believed only when it carries the Message-ID of a mail we sent the address: an earlier one here
        bot.bean(org.engagebot.platform.Transactions.class).run(() -> bot.bean(Outbox.class)
                .enqueueReply("email", "bouncer@example.org", OutboundMessage.text("Your registration")));
        bot.bean(Outbox.class).wake("email");
        String earlier = bot.mail().waitFor("bouncer@example.org", 1).getMessageID();

        long id = json(bot.postJson("/api/newsletters", "{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Quarterly\", \"body\": \"News\"}")).get("id").asLong();
        assertThat(bot.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        awaitTrue(() -> !bot.sentTo(20_000).isEmpty());
        assertThat(statuses("poster@example.org")).containsOnly("QUEUED");

        bot.tap(BUTTON, "/unsubscribe", "will not send you the newsletter");
        String path = URI.create(header(email("poster@example.org"), "List-Unsubscribe")).getPath();
        assertThat(bot.send(HttpRequest.newBuilder(bot.url(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build()).statusCode()).isEqualTo(200);
        bot.say(FORGETTER, "/forget", "Are you sure");
        bot.say(FORGETTER, "yes", "we have deleted everything");
        bot.mail().rawToBot(MailHarness.hardBounce("bouncer@example.org", "bounce-bouncer@mx.example.org", earlier));
        awaitTrue(() -> db.count("SELECT count(*) FROM contact WHERE email = 'bouncer@example.org' AND email_on_hold = 1") == 1);

        awaitTrue(() -> "SENT".equals(json(bot.get("/api/newsletters/" + id)).get("status").asText()));
        for (long chat : List.of(BUTTON, POSTER, FORGETTER)) {
            assertThat(bot.sentTo(chat)).as("chat %d", chat).noneMatch(m -> m.text().contains("Quarterly"));
        }
        for (String address : List.of("button@example.org", "poster@example.org", "forgetter@example.org")) {
            assertThat(bot.mail().to(address)).as(address).isEmpty();
        }
        assertThat(bot.mail().to("bouncer@example.org")).as("only the earlier mail").hasSize(1);
        assertThat(bot.mail().to("filler29@example.org")).hasSize(1);
        assertThat(reasons("button@example.org", String.valueOf(BUTTON))).containsOnly("unsubscribed").hasSize(2);
        assertThat(reasons("poster@example.org", String.valueOf(POSTER))).containsOnly("unsubscribed").hasSize(2);
        assertThat(reasons("erased", "erased")).containsOnly("erased").hasSize(2);

        JsonNode progress = json(bot.get("/api/newsletters/" + id));
        long sent = CHAT_FILLERS + EMAIL_FILLERS;
        assertThat(progress.get("sent").asLong()).isEqualTo(sent);
        assertThat(progress.get("failed").asLong()).isEqualTo(7);
        assertThat(progress.get("pending").asLong()).isZero();
        assertThat(progress.get("total").asLong()).isEqualTo(sent + 7);
        assertThat(progress.get("failedBecause").get("unsubscribed").asLong()).isEqualTo(4);
        assertThat(progress.get("failedBecause").get("erased").asLong()).isEqualTo(2);
        assertThat(progress.get("failedBecause").get("bounced").asLong()).isEqualTo(1);
        assertThat(progress.get("failedBecause").get("other").asLong()).isZero();

        JsonNode bounced = json(bot.get("/api/newsletters/" + id + "/recipients?status=bounced"));
        assertThat(bounced.findValuesAsText("address")).containsExactly("bouncer@example.org");
        assertThat(bounced.get(0).get("reason").asText()).isEqualTo("address on hold");
        JsonNode failed = json(bot.get("/api/newsletters/" + id + "/recipients?status=failed"));
        assertThat(failed.findValuesAsText("status")).containsOnly("failed").hasSize(6);
        assertThat(failed.findValuesAsText("reason")).containsOnly("unsubscribed", "erased");
        assertThat(json(bot.get("/api/newsletters/" + id + "/recipients?status=queued"))).isEmpty();
        assertThat(bot.get("/api/newsletters/" + id + "/recipients?status=lost").statusCode()).isEqualTo(400);
        assertThat(pagedSent(id)).hasSize((int) sent).doesNotHaveDuplicates();
    }

    private List<String> pagedSent(long id) {
        List<String> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = json(bot.get("/api/newsletters/" + id + "/recipients?status=sent&limit=100&after=" + after));
            if (page.isEmpty()) {
                return ids;
            }
            page.forEach(r -> assertThat(r.get("status").asText()).isEqualTo("sent"));
            page.forEach(r -> ids.add(r.get("id").asText()));
            after = page.get(page.size() - 1).get("id").asLong();
        }
    }

    private List<String> statuses(String address) {
        return db.query("SELECT status FROM outbox WHERE address = ? AND batch_type = 'newsletter'", rs -> rs.getString(1), address);
    }

    private List<String> reasons(String email, String chat) {
        return db.query("SELECT last_error FROM outbox WHERE batch_type = 'newsletter' AND status = 'FAILED' AND "
                + "((channel = 'email' AND address = ?) OR (channel = 'telegram' AND address = ?))", rs -> rs.getString(1), email, chat);
    }

    private OutboundMessage email(String address) {
        return Outbox.read(db.one("SELECT payload FROM outbox WHERE channel = 'email' AND address = ? AND batch_type = "
                + "'newsletter'", rs -> rs.getString(1), address).orElseThrow(), OutboundMessage.class);
    }

    private static String header(OutboundMessage m, String name) {
        String value = m.emailHeaders().get(name);
        return value.substring(1, value.indexOf('>'));
    }
}
