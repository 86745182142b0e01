/**
 * In-process fake Telegram Bot API for integration tests ({@link org.engagebot.testing.telegram.FakeBotApi}).
 *
 * <pre>{@code
 * try (FakeBotApi fake = FakeBotApi.start("123:test")) {
 *     var client = new OkHttpTelegramClient("123:test", fake.telegramUrl());
 *     var app = new TelegramBotsLongPollingApplication();
 *     app.registerBot("123:test", fake::telegramUrl, new DefaultGetUpdatesGenerator(), myConsumer);
 *     fake.queueText(1001, "/start");
 *     SentMessage reply = fake.awaitMessage(1001, m -> m.text().contains("Welcome"), Duration.ofSeconds(5));
 *     fake.queueCallback(1001, reply.callbackData().get(0));
 *     ...
 *     app.close();   // close the poller before the fake, or it logs one failed getUpdates
 * }
 * }</pre>
 *
 * Client behaviour worth knowing (telegrambots 10.2.0): method names arrive lower case in the path;
 * ordinary methods are JSON bodies with chat_id as a string; uploads are multipart with the file in a
 * part named after the file and {@code document=attach://<name>}; {@code ParseMode.HTML} is "html";
 * errors are read from the body whatever the HTTP status, so a 429 surfaces as
 * {@code TelegramApiRequestException} with {@code getErrorCode() == 429} and
 * {@code getParameters().getRetryAfter()}; the long-polling BotSession itself drops updates whose
 * update_id is not above the last one it received (only within one session), and treats any non-2xx
 * getUpdates answer as a TelegramApiErrorResponseException followed by exponential back-off;
 * {@code Message.isCommand()} is false until {@code getEntities()} has been called.
 */
package org.engagebot.testing.telegram;
