package org.engagebot.newsletters;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.newsletters.NewsletterDeliveryIT.awaitTrue;
import static org.engagebot.newsletters.NewsletterDeliveryIT.json;

/**
 * A newsletter is still going out (slow SMTP rate, a long Telegram queue) when readers at the end of the queue
 * leave: by the Telegram button, by the email's one-click POST, by /forget, or their address bounces. None of them
 * gets it on any channel, their rows end with a reason staff can see, and the counts add up.
 */
class UnsubscribeDuringSendIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CHAT_FILLERS = 240;
    private static final int EMAIL_FILLERS = 30;
    private static final long BUTTON = 7001;
    private static final long POSTER = 7002;
    private static final long FORGETTER = 7003;
    private FakeBotApi telegram;
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl(), "engagebot.public-url", "https://engage.example.org",
                "engagebot.mail.rate", 3, "engagebot.newsletters.poll-interval", "300ms")));
        db = service.bean(Db.class);
    }

    @AfterEach
    void stop() {
        service.close();
        mail.close();
        telegram.close();
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
        service.bean(org.engagebot.platform.Transactions.class).run(() -> service.bean(Outbox.class)
                .enqueueReply("email", "bouncer@example.org", OutboundMessage.text("Your registration")));
        service.bean(Outbox.class).wake("email");
        String earlier = mail.waitFor("bouncer@example.org", 1).getMessageID();

        long id = json(service.postJson("/api/newsletters", "{\"onlyLanguage\": \"en\", \"onlyBecause\": \"a test in one language\", \"title\": \"Quarterly\", \"body\": \"News\"}")).get("id").asLong();
        assertThat(service.postJson("/api/newsletters/" + id + "/send", "{}").statusCode()).isEqualTo(202);
        awaitTrue(() -> !telegram.sentTo(20_000).isEmpty());
        assertThat(statuses("poster@example.org")).containsOnly("QUEUED");

        telegram.tap(BUTTON, "/unsubscribe", "will not send you the newsletter", WAIT);
        String path = URI.create(header(email("poster@example.org"), "List-Unsubscribe")).getPath();
        assertThat(service.send(HttpRequest.newBuilder(service.url(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .build()).statusCode()).isEqualTo(200);
        telegram.say(FORGETTER, "/forget", "Are you sure", WAIT);
        telegram.say(FORGETTER, "yes", "we have deleted everything", WAIT);
        mail.rawToBot(MailHarness.hardBounce("bouncer@example.org", "bounce-bouncer@mx.example.org", earlier));
        awaitTrue(() -> db.count("SELECT count(*) FROM contact WHERE email = 'bouncer@example.org' AND email_on_hold = 1") == 1);

        awaitTrue(() -> "SENT".equals(json(service.get("/api/newsletters/" + id)).get("status").asText()));
        for (long chat : List.of(BUTTON, POSTER, FORGETTER)) {
            assertThat(telegram.sentTo(chat)).as("chat %d", chat).noneMatch(m -> m.text().contains("Quarterly"));
        }
        for (String address : List.of("button@example.org", "poster@example.org", "forgetter@example.org")) {
            assertThat(mail.to(address)).as(address).isEmpty();
        }
        assertThat(mail.to("bouncer@example.org")).as("only the earlier mail").hasSize(1);
        assertThat(mail.to("filler29@example.org")).hasSize(1);
        assertThat(reasons("button@example.org", String.valueOf(BUTTON))).containsOnly("unsubscribed").hasSize(2);
        assertThat(reasons("poster@example.org", String.valueOf(POSTER))).containsOnly("unsubscribed").hasSize(2);
        assertThat(reasons("erased", "erased")).containsOnly("erased").hasSize(2);

        JsonNode progress = json(service.get("/api/newsletters/" + id));
        long sent = CHAT_FILLERS + EMAIL_FILLERS;
        assertThat(progress.get("sent").asLong()).isEqualTo(sent);
        assertThat(progress.get("failed").asLong()).isEqualTo(7);
        assertThat(progress.get("pending").asLong()).isZero();
        assertThat(progress.get("total").asLong()).isEqualTo(sent + 7);
        assertThat(progress.get("failedBecause").get("unsubscribed").asLong()).isEqualTo(4);
        assertThat(progress.get("failedBecause").get("erased").asLong()).isEqualTo(2);
        assertThat(progress.get("failedBecause").get("bounced").asLong()).isEqualTo(1);
        assertThat(progress.get("failedBecause").get("other").asLong()).isZero();

        JsonNode bounced = json(service.get("/api/newsletters/" + id + "/recipients?status=bounced"));
        assertThat(bounced.findValuesAsText("address")).containsExactly("bouncer@example.org");
        assertThat(bounced.get(0).get("reason").asText()).isEqualTo("address on hold");
        JsonNode failed = json(service.get("/api/newsletters/" + id + "/recipients?status=failed"));
        assertThat(failed.findValuesAsText("status")).containsOnly("failed").hasSize(6);
        assertThat(failed.findValuesAsText("reason")).containsOnly("unsubscribed", "erased");
        assertThat(json(service.get("/api/newsletters/" + id + "/recipients?status=queued"))).isEmpty();
        assertThat(service.get("/api/newsletters/" + id + "/recipients?status=lost").statusCode()).isEqualTo(400);
        assertThat(pagedSent(id)).hasSize((int) sent).doesNotHaveDuplicates();
    }

    private List<String> pagedSent(long id) {
        List<String> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = json(service.get("/api/newsletters/" + id + "/recipients?status=sent&limit=100&after=" + after));
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
