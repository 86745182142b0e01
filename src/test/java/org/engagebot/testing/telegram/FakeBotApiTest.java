package org.engagebot.testing.telegram;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeBotApiTest {

    private static final String TOKEN = "4242:test-token";
    private static final long CHAT = 1001L;

    private FakeBotApi fake;
    private OkHttpTelegramClient client;

    @BeforeEach
    void start() {
        fake = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, fake.telegramUrl());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void sendMessageWithInlineKeyboardIsRecordedWithButtons() throws Exception {
        SendMessage send = SendMessage.builder()
                .chatId(CHAT)
                .text("<b>Can you help on Saturday?</b>")
                .parseMode(ParseMode.HTML)
                .replyMarkup(InlineKeyboardMarkup.builder()
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Yes").callbackData("shift:7:yes").build(),
                                InlineKeyboardButton.builder().text("No").callbackData("shift:7:no").build()))
                        .keyboardRow(new InlineKeyboardRow(
                                InlineKeyboardButton.builder().text("Details").url("https://example.org/shift/7").build()))
                        .build())
                .build();

        Message first = client.execute(send);
        Message second = client.execute(SendMessage.builder().chatId(CHAT).text("plain").build());

        assertThat(first.getChatId()).isEqualTo(CHAT);
        assertThat(first.getText()).isEqualTo("<b>Can you help on Saturday?</b>");
        assertThat(first.getFrom().getIsBot()).isTrue();
        assertThat(second.getMessageId()).isGreaterThan(first.getMessageId());

        List<SentMessage> sent = fake.awaitMessages(CHAT, 2, Duration.ofSeconds(5));
        SentMessage m = sent.get(0);
        assertThat(m.parseMode()).isEqualTo("html"); // ParseMode.HTML is lower case in the library
        assertThat(m.inlineKeyboard()).containsExactly(
                List.of(new Button("Yes", "shift:7:yes", null), new Button("No", "shift:7:no", null)),
                List.of(new Button("Details", null, "https://example.org/shift/7")));
        assertThat(sent.get(1).inlineKeyboard()).isEmpty();
        assertThat(fake.sentTo(999L)).isEmpty();
        assertThat(fake.callCount("sendMessage")).isEqualTo(2);
        assertThat(fake.calls().get(0).method()).isEqualTo("sendMessage");
        assertThat(fake.calls().get(0).param("chat_id")).isEqualTo(String.valueOf(CHAT));
        assertThat(fake.awaitMessage(CHAT, s -> s.text().equals("plain"), Duration.ofSeconds(1)).chatId()).isEqualTo(CHAT);
    }

    @Test
    void awaitFailsWithWhatWasSent() throws Exception {
        client.execute(SendMessage.builder().chatId(CHAT).text("hello").build());
        assertThatThrownBy(() -> fake.awaitMessage(CHAT, s -> s.text().contains("bye"), Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("hello");
        assertThatThrownBy(() -> fake.awaitMessages(CHAT, 2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("got 1");
    }

    @Test
    void longPollingReceivesQueuedUpdatesInOrderAndNotAgainAfterConfirmation() throws Exception {
        List<Update> received = Collections.synchronizedList(new ArrayList<>());
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            app.registerBot(TOKEN, fake::telegramUrl, new DefaultGetUpdatesGenerator(), received::addAll);

            fake.queueText(CHAT, "/start");
            fake.queueCallback(CHAT, "shift:7:yes");
            awaitSize(received, 2);

            Update text = received.get(0);
            assertThat(text.getMessage().getText()).isEqualTo("/start");
            // library quirk: Message.isCommand() only sees the command after getEntities() has computed
            // the entity texts (true against real Telegram too), so call getEntities() first
            assertThat(text.getMessage().getEntities()).singleElement()
                    .satisfies(e -> assertThat(e.getType()).isEqualTo("bot_command"));
            assertThat(text.getMessage().isCommand()).isTrue();
            assertThat(text.getMessage().getText()).isEqualTo("/start");
            User from = text.getMessage().getFrom();
            assertThat(from.getId()).isEqualTo(CHAT);
            assertThat(from.getFirstName()).isNotBlank();
            assertThat(from.getLanguageCode()).isEqualTo("en");
            assertThat(text.getMessage().getChat().isUserChat()).isTrue();
            assertThat(text.getMessage().getDate()).isPositive();

            Update callback = received.get(1);
            assertThat(callback.getUpdateId()).isGreaterThan(text.getUpdateId());
            assertThat(callback.getCallbackQuery().getData()).isEqualTo("shift:7:yes");
            assertThat(callback.getCallbackQuery().getFrom().getId()).isEqualTo(CHAT);
            assertThat(callback.getCallbackQuery().getMessage().getChatId()).isEqualTo(CHAT);
            assertThat(fake.lastUpdateId()).isEqualTo(callback.getUpdateId());

            // the session confirms with offset = last + 1 on its next poll: the fake drops them
            awaitTrue(() -> fake.pendingUpdates() == 0);
            assertThat(fake.callCount("deleteWebhook")).isEqualTo(1);
            assertThat(fake.calls().get(0).method()).isEqualTo("deleteWebhook");

            fake.queueSticker(CHAT);
            fake.queuePhoto(CHAT);
            awaitSize(received, 4);
            Thread.sleep(300); // a few more polls
            assertThat(received).extracting(Update::getUpdateId).doesNotHaveDuplicates().hasSize(4);
            assertThat(received.get(2).getMessage().hasSticker()).isTrue();
            assertThat(received.get(3).getMessage().hasPhoto()).isTrue();
            assertThat(received.get(3).getMessage().getPhoto()).hasSize(2);
        }
    }

    @Test
    void getUpdatesHonoursOffsetLimitAndTimeout() throws Exception {
        fake.queueText(CHAT, "a");
        fake.queueText(CHAT, "b");
        fake.queueText(CHAT, "c");

        List<Update> firstTwo = client.execute(GetUpdates.builder().offset(0).limit(2).timeout(0).build());
        assertThat(firstTwo).extracting(u -> u.getMessage().getText()).containsExactly("a", "b");
        // not confirmed yet: delivered again
        assertThat(client.execute(GetUpdates.builder().offset(0).limit(100).timeout(0).build())).hasSize(3);

        int confirmAll = fake.lastUpdateId() + 1;
        assertThat(client.execute(GetUpdates.builder().offset(confirmAll).timeout(0).build())).isEmpty();
        assertThat(fake.pendingUpdates()).isZero();

        // long poll returns as soon as an update arrives
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            fake.maxLongPoll(Duration.ofSeconds(5));
            long t0 = System.nanoTime();
            Future<List<Update>> poll = pool.submit(() ->
                    client.execute(GetUpdates.builder().offset(confirmAll).timeout(30).build()));
            Thread.sleep(200);
            fake.queueText(CHAT, "d");
            List<Update> got = poll.get(5, TimeUnit.SECONDS);
            assertThat(got).extracting(u -> u.getMessage().getText()).containsExactly("d");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        } finally {
            pool.shutdownNow();
        }

        // an empty long poll is capped
        fake.maxLongPoll(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(client.execute(GetUpdates.builder().offset(fake.lastUpdateId() + 1).timeout(50).build())).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    @Test
    void repeatedUpdateIdIsDeliveredAgain() throws Exception {
        int id = fake.queueText(CHAT, "volunteer me");
        assertThat(client.execute(GetUpdates.builder().offset(0).timeout(0).build()))
                .extracting(Update::getUpdateId).containsExactly(id);
        assertThat(client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build())).isEmpty();

        // Telegram redelivers an update (e.g. our confirmation was lost): same update_id again
        fake.queueUpdate("""
                {"update_id": %d, "message": {"message_id": 77, "date": 1700000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Ann", "language_code": "de"},
                 "chat": {"id": %d, "type": "private", "first_name": "Ann"}, "text": "volunteer me"}}
                """.formatted(id, CHAT, CHAT));
        List<Update> again = client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build());
        assertThat(again).extracting(Update::getUpdateId).containsExactly(id);
        assertThat(again.get(0).getMessage().getFrom().getLanguageCode()).isEqualTo("de");
        // once delivered, the offset confirms it like any other
        assertThat(client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build())).isEmpty();
        assertThat(fake.lastUpdateId()).isEqualTo(id);
        // a raw update without update_id gets the next one
        assertThat(fake.queueUpdate("{\"message\":{\"message_id\":78,\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}"))
                .isEqualTo(id + 1);
    }

    @Test
    void longPollingSessionOnlyDedupesWithinOneSession() throws Exception {
        // What the library does with a redelivered id: BotSession drops update_id <= last received,
        // but a new session (restart) starts from 0, so the bot itself must dedupe across restarts.
        List<Update> firstRun = Collections.synchronizedList(new ArrayList<>());
        int id = fake.queueText(CHAT, "hello");
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            app.registerBot(TOKEN, fake::telegramUrl, new DefaultGetUpdatesGenerator(), firstRun::addAll);
            awaitSize(firstRun, 1);
            awaitTrue(() -> fake.pendingUpdates() == 0);
            fake.queueUpdate("""
                    {"update_id": %d, "message": {"message_id": 5, "date": 1700000000,
                     "from": {"id": %d, "is_bot": false, "first_name": "Ann"},
                     "chat": {"id": %d, "type": "private"}, "text": "hello"}}""".formatted(id, CHAT, CHAT));
            fake.queueText(CHAT, "next");
            awaitSize(firstRun, 2);
            assertThat(firstRun).extracting(u -> u.getMessage().getText()).containsExactly("hello", "next");
        }

        List<Update> secondRun = Collections.synchronizedList(new ArrayList<>());
        fake.queueUpdate("""
                {"update_id": %d, "message": {"message_id": 5, "date": 1700000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Ann"},
                 "chat": {"id": %d, "type": "private"}, "text": "hello"}}""".formatted(id, CHAT, CHAT));
        try (TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication()) {
            app.registerBot(TOKEN, fake::telegramUrl, new DefaultGetUpdatesGenerator(), secondRun::addAll);
            awaitSize(secondRun, 1);
            assertThat(secondRun.get(0).getUpdateId()).isEqualTo(id);
        }
    }

    @Test
    void failNextWith429SurfacesRetryAfter() throws Exception {
        fake.failNextWith429("sendMessage", 2, 7);
        for (int i = 0; i < 2; i++) {
            TelegramApiRequestException e = catchThrowableOfType(
                    () -> client.execute(SendMessage.builder().chatId(CHAT).text("hi").build()),
                    TelegramApiRequestException.class);
            assertThat(e).isNotNull();
            assertThat(e.getErrorCode()).isEqualTo(429);
            assertThat(e.getParameters().getRetryAfter()).isEqualTo(7);
            assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 7");
        }
        assertThat(fake.sent()).isEmpty();
        client.execute(SendMessage.builder().chatId(CHAT).text("hi").build());
        assertThat(fake.sentTo(CHAT)).extracting(SentMessage::text).containsExactly("hi");
        assertThat(fake.callCount("sendmessage")).isEqualTo(3);
        assertThat(fake.calls()).extracting(RecordedCall::httpStatus).containsExactly(429, 429, 200);
    }

    @Test
    void failNextWithForbidden() {
        fake.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        TelegramApiRequestException e = catchThrowableOfType(
                () -> client.execute(SendMessage.builder().chatId(CHAT).text("hi").build()),
                TelegramApiRequestException.class);
        assertThat(e.getErrorCode()).isEqualTo(403);
        assertThat(e.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(e.getParameters()).isNull();
    }

    @Test
    void rateCapRejectsSendsAboveTheCapInAnySlidingSecond() throws Exception {
        fake.rateCap(5);
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            try {
                client.execute(SendMessage.builder().chatId(CHAT + i).text("bulk " + i).build());
                ok++;
            } catch (TelegramApiRequestException e) {
                assertThat(e.getErrorCode()).isEqualTo(429);
                assertThat(e.getParameters().getRetryAfter()).isEqualTo(1);
                limited++;
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(limited).isEqualTo(3);
        assertThat(fake.tooManyRequests()).isEqualTo(3);
        assertThat(fake.sent()).hasSize(5);
        Thread.sleep(1100);
        client.execute(SendMessage.builder().chatId(CHAT).text("after a second").build());
        assertThat(fake.tooManyRequests()).isEqualTo(3);
    }

    @Test
    void latencyDelaysSendMessage() throws Exception {
        fake.latency(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        client.execute(SendMessage.builder().chatId(CHAT).text("slow").build());
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void callbackAnswerEditAndDocument() throws Exception {
        Message question = client.execute(SendMessage.builder().chatId(CHAT).text("Help?")
                .replyMarkup(InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("Yes").callbackData("yes").build())).build())
                .build());
        fake.queueCallback(CHAT, "yes");
        Update update = client.execute(GetUpdates.builder().timeout(0).build()).get(0);
        assertThat(update.getCallbackQuery().getMessage().getMessageId()).isEqualTo(question.getMessageId());

        assertThat(client.execute(AnswerCallbackQuery.builder()
                .callbackQueryId(update.getCallbackQuery().getId()).text("Thanks").build())).isTrue();
        assertThat(fake.answeredCallbacks()).containsExactly(update.getCallbackQuery().getId());

        var edited = client.execute(EditMessageText.builder().chatId(CHAT).messageId(question.getMessageId())
                .text("Help? - you said yes").build());
        assertThat(edited).isInstanceOf(Message.class);
        assertThat(((Message) edited).getText()).isEqualTo("Help? - you said yes");
        assertThat(fake.edits()).singleElement().satisfies(e -> {
            assertThat(e.method()).isEqualTo("editMessageText");
            assertThat(e.messageId()).isEqualTo(question.getMessageId());
            assertThat(e.inlineKeyboard()).isEmpty();
        });

        byte[] csv = "name,shift\nAnn,7\n".getBytes(StandardCharsets.UTF_8);
        Message doc = client.execute(SendDocument.builder().chatId(CHAT).caption("Rota")
                .document(new InputFile(new ByteArrayInputStream(csv), "rota.csv")).build());
        assertThat(doc.getDocument().getFileName()).isEqualTo("rota.csv");
        assertThat(fake.documentsTo(CHAT)).singleElement().satisfies(d -> {
            assertThat(d.filename()).isEqualTo("rota.csv");
            assertThat(d.bytes()).isEqualTo(csv);
            assertThat(d.caption()).isEqualTo("Rota");
        });
        RecordedCall upload = fake.calls().get(fake.calls().size() - 1);
        assertThat(upload.method()).isEqualTo("sendDocument");
        // the client sends the file as a part named after the file and document=attach://<name>
        assertThat(upload.param("document")).isEqualTo("attach://rota.csv");
        assertThat(upload.param("rota.csv")).isEqualTo("<file rota.csv (" + csv.length + " bytes)>");
        assertThat(upload.param("chat_id")).isEqualTo(String.valueOf(CHAT));
    }

    @Test
    void concurrentSendsAreAllRecordedWithDistinctMessageIds() throws Exception {
        List<java.util.concurrent.CompletableFuture<Message>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(client.executeAsync(SendMessage.builder().chatId(CHAT + (i % 10)).text("m" + i).build()));
        }
        List<Integer> ids = new ArrayList<>();
        for (var f : futures) {
            ids.add(f.get(10, TimeUnit.SECONDS).getMessageId());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(fake.sent()).hasSize(200);
        assertThat(fake.awaitMessages(CHAT + 3, 20, Duration.ofSeconds(1))).hasSize(20);
        assertThat(fake.callCount("sendMessage")).isEqualTo(200);
    }

    @Test
    void plainHttpFormBodiesWrongTokenAndUnknownMethods() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var form = java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.baseUrl() + "/bot" + TOKEN + "/sendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("chat_id=5&text=caf%C3%A9+ok&reply_markup="
                        + java.net.URLEncoder.encode("{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}",
                        StandardCharsets.UTF_8)))
                .build();
        var resp = http.send(form, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(resp.body()).contains("\"ok\":true").contains("\"message_id\"");
        assertThat(fake.sentTo(5)).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("café ok");
            assertThat(m.callbackData()).containsExactly("a");
        });

        var wrongToken = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fake.baseUrl() + "/bot1:nope/getMe")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(401);

        var unknown = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fake.baseUrl() + "/bot" + TOKEN + "/setmycommands?commands=%5B%5D")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.body()).isEqualTo("{\"ok\":true,\"result\":true}");
        assertThat(fake.callCount("setMyCommands")).isEqualTo(1);
        assertThat(client.execute(new org.telegram.telegrambots.meta.api.methods.GetMe()).getId()).isEqualTo(4242L);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        awaitTrue(() -> list.size() >= size);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
