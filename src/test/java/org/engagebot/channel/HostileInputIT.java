package org.engagebot.channel;

import org.engagebot.platform.Db;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker or a broken client sends, on Telegram (webhook), the web forms and email: lone surrogates, NUL,
 * bytes that are not UTF-8, markup, answers far over the limit, a subject that decodes to a header line. Each gets a polite answer (never a 500, a crash or
 * silence), markup comes back escaped, and nothing is left failed in the inbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {
    private static final long CHAT = 8008;
    private static final Duration WAIT = Duration.ofSeconds(20);
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().token("9:HOSTILE").withMail()
            .property("engagebot.telegram.mode", "webhook")
            .property("engagebot.telegram.webhook-secret", "s3cret")
            .property("engagebot.web.min-page-time", "0s");
    private int updateId = 100;

    @Test
    void aSubjectThatDecodesToALineBreakCannotAddAHeaderToTheReply() throws Exception {
        String injected = "Hello\r\nBcc: victim@elsewhere.example\r\nX-Injected: yes";
        String raw = "From: eve@attacker.example\r\nTo: " + MailHarness.BOT + "\r\nMessage-ID: <inject-1@attacker.example>\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(injected.getBytes(StandardCharsets.UTF_8))
                + "?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nHello, who do I talk to?\r\n";
        bot.mail().rawToBot(raw.getBytes(StandardCharsets.UTF_8));
        jakarta.mail.internet.MimeMessage reply = bot.mail().waitFor("eve@attacker.example", 1);

        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getHeader("X-Injected")).isNull();
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("eve@attacker.example");
        Thread.sleep(1000);
        assertThat(bot.mail().to("victim@elsewhere.example")).isEmpty();
    }

    @Test
    void telegramTextThatIsNotCleanUnicodeOrIsMarkupOrHugeGetsAPoliteEscapedAnswer() {
        text("/start");
        bot.awaitMessage(CHAT, m -> m.text().contains("Welsh or English"));
        post(("{\"update_id\": " + (++updateId) + ", \"callback_query\": {\"id\": \"c1\", \"from\": {\"id\": " + CHAT
                + ", \"is_bot\": false, \"first_name\": \"Eve\"}, \"data\": \"l:en\", \"message\": {\"message_id\": 3, "
                + "\"date\": 1700000000, \"chat\": {\"id\": " + CHAT + ", \"type\": \"private\"}}}}").getBytes(StandardCharsets.UTF_8));
        bot.awaitMessage(CHAT, m -> m.text().contains("What would you like to do"));
        text("/message");
        bot.awaitMessage(CHAT, m -> m.text().contains("tell the office"));

        int before = bot.sentTo(CHAT).size();
        text("x".repeat(20_000));
        SentMessage tooLong = awaitNew(before);
        assertThat(tooLong.text()).as("a reply saying what is wrong").contains("3000");

        before = bot.sentTo(CHAT).size();
        post(update("Broken \\ud800 pair, a NUL \\u0000 and <b>bold</b> & <script>alert(1)</script>"));
        SentMessage summary = awaitNew(before);
        assertThat(summary.text()).contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;").doesNotContain("<script>");

        byte[] notUtf8 = update("Latin-1 bytes: caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(post(notUtf8).statusCode()).as("not Telegram's JSON: 200, so it is not retried, and logged").isEqualTo(200);

        Db db = bot.bean(Db.class);
        assertThat(db.query("SELECT external_id || ' ' || reason FROM inbox WHERE channel = 'telegram' AND status = 'FAILED'",
                rs -> rs.getString(1))).isEmpty();
    }

    @Test
    void aWebFormAnswerOfBrokenBytesOrFarOverTheLimitIsShownAgainWithTheReason() {
        WebFormClient person = new WebFormClient(bot.url("/"));
        Page page = person.get("/forms/register?lang=en");
        Page broken = person.submitRaw(page, "action=continue&answer=%FF%FE%00%C3%28");
        assertThat(broken.status()).as("invalid UTF-8 in the form").isIn(200, 422);
        Page huge = person.submitRaw(broken, "action=continue&answer=" + "a".repeat(1_000_000));
        assertThat(huge.status()).as("a megabyte of answer").isIn(200, 413, 422);
        if (huge.status() == 422) {
            assertThat(huge.errors()).singleElement().asString().contains("200");
        }
        Page markup = person.answer(person.get("/forms/register?lang=en"), "<b>Acme</b> & \"Co\"");
        assertThat(markup.status()).isEqualTo(200);
        assertThat(markup.doc().select("b")).as("typed markup is not markup on the next page").isEmpty();
    }

    private void text(String text) {
        post(update(text.replace("\\", "\\\\").replace("\"", "\\\"")));
    }

    /** An update whose text is given already escaped for JSON. */
    private String update(String jsonText) {
        return "{\"update_id\": " + (++updateId) + ", \"message\": {\"message_id\": " + updateId + ", \"date\": 1700000000, "
                + "\"chat\": {\"id\": " + CHAT + ", \"type\": \"private\"}, \"from\": {\"id\": " + CHAT + ", \"is_bot\": false, "
                + "\"first_name\": \"Eve\"}, \"text\": \"" + jsonText + "\"}}";
    }

    private HttpResponse<String> post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(byte[] body) {
        HttpResponse<String> r = bot.send(HttpRequest.newBuilder(bot.url("/telegram/webhook"))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", "s3cret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(r.statusCode()).as("webhook answer").isEqualTo(200);
        return r;
    }

    private SentMessage awaitNew(int before) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (bot.sentTo(CHAT).size() <= before) {
            assertThat(System.nanoTime()).as("a reply came").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return bot.sentTo(CHAT).get(before);
    }
}
