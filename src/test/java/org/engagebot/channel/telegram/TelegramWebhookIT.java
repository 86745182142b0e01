package org.engagebot.channel.telegram;

import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.Inbox;
import org.engagebot.conversation.Input;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook mode: Telegram's secret token header is required; a genuine update is stored and answered once; a body
 * that is not a usable update is answered 200 (so Telegram does not retry it) and ignored or quarantined, never a 500.
 */
class TelegramWebhookIT {
    private static final String UPDATE = "{\"update_id\": 41, \"message\": {\"message_id\": 1, \"date\": 1700000000, "
            + "\"chat\": {\"id\": 5005, \"type\": \"private\"}, \"from\": {\"id\": 5005, \"is_bot\": false, "
            + "\"first_name\": \"Ann\"}, \"text\": \"/start\"}}";
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().token("9:HOOK")
            .property("engagebot.telegram.mode", "webhook")
            .property("engagebot.telegram.webhook-secret", "s3cret-token");

    @Test
    void refusesACallWithoutTheSecretToken() {
        assertThat(post(null).statusCode()).isEqualTo(401);
        assertThat(post("wrong").statusCode()).isEqualTo(401);
        assertThat(bot.telegram().sent()).isEmpty();
    }

    @Test
    void acceptsAGenuineUpdateOnceEvenIfTelegramRetries() {
        assertThat(post("s3cret-token").statusCode()).isEqualTo(200);
        assertThat(post("s3cret-token").statusCode()).isEqualTo(200);
        bot.telegram().awaitMessage(5005, m -> m.text().contains("Welsh or English"), Duration.ofSeconds(10));
        assertThat(bot.sentTo(5005)).hasSize(1);
    }

    @Test
    void aReusedUpdateIdFromAnotherChatIsKeptQuarantinedNotDroppedAndNotAnswered() {
        assertThat(post("s3cret-token").statusCode()).isEqualTo(200);
        bot.telegram().awaitMessage(5005, m -> m.text().contains("Welsh or English"), Duration.ofSeconds(10));
        assertThat(post("s3cret-token", UPDATE.replace("5005", "7007").replace("/start", "/forget")).statusCode()).isEqualTo(200);

        org.engagebot.platform.Db db = bot.bean(org.engagebot.platform.Db.class);
        assertThat(db.query("SELECT address || ': ' || status || ': ' || reason FROM inbox WHERE external_id LIKE '41#reuse-%'",
                rs -> rs.getString(1))).containsExactly("7007: QUARANTINED: message id reused by a different sender");
        assertThat(bot.sentTo(7007)).isEmpty();
    }

    @Test
    void answersAnUpdateStoredBeforeARestartWithoutWaitingForTheNextCall() {
        bot.bean(Inbox.class).store(new InboundMessage(UpdateReader.CHANNEL, "77", "6006", null,
                Input.fromText("/start"), null));

        bot.service().restart();

        bot.telegram().awaitMessage(6006, m -> m.text().contains("Welsh or English"), Duration.ofSeconds(10));
    }

    @Test
    void answersBodiesThatAreNotUsableUpdatesWith200AndIgnoresThem() {
        List<String> bodies = List.of("{}", "null", "[]", "not json at all", "", "{\"update_id\": \"x\"}",
                "{\"update_id\": 50, \"message\": \"text\"}",
                "{\"update_id\": 51, \"callback_query\": {\"id\": \"c1\", \"data\": \"l:en\"}}",
                "{\"update_id\": 52, \"callback_query\": {\"id\": \"c2\", \"data\": \"l:en\", \"message\": "
                        + "{\"message_id\": 3, \"date\": 1700000000}}}",
                "{\"update_id\": 53, \"message\": {\"message_id\": 2, \"date\": 1700000000, \"text\": \"/start\"}}",
                "{\"update_id\": 54, \"edited_message\": {\"message_id\": 2, \"date\": 1700000000}}");
        for (String body : bodies) {
            java.net.http.HttpResponse<String> r = post("s3cret-token", body);
            assertThat(r.statusCode()).as(body).isEqualTo(200);
            assertThat(r.body()).as(body).doesNotContain("Exception", "null", "Cannot");
        }
        Db db = bot.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = 'QUARANTINED' "
                + "AND external_id IN ('51', '52', '53', '54')")).isEqualTo(4);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status <> 'QUARANTINED'")).isZero();

        assertThat(post("s3cret-token").statusCode()).isEqualTo(200);
        bot.telegram().awaitMessage(5005, m -> m.text().contains("Welsh or English"), Duration.ofSeconds(10));
    }

    @Test
    void answersACallbackWithoutSenderFromTheChatItWasPressedIn() {
        String callback = "{\"update_id\": 60, \"callback_query\": {\"id\": \"c9\", \"data\": \"l:cy\", \"message\": "
                + "{\"message_id\": 3, \"date\": 1700000000, \"chat\": {\"id\": 7007, \"type\": \"private\"}}}}";
        assertThat(post("s3cret-token", callback).statusCode()).isEqualTo(200);
        bot.telegram().awaitMessage(7007, m -> true, Duration.ofSeconds(10));
    }

    private java.net.http.HttpResponse<String> post(String secret) {
        return post(secret, UPDATE);
    }

    private java.net.http.HttpResponse<String> post(String secret, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(bot.url("/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            b.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return bot.send(b.build());
    }
}
