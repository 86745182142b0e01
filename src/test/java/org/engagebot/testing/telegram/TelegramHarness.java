package org.engagebot.testing.telegram;

import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The whole service talking to a {@link FakeBotApi} through the real Telegram Bots client (and, with
 * {@link #withMail()}, to GreenMail), started and stopped around the tests of a class:
 * <pre>
 * &#64;RegisterExtension
 * final TelegramHarness bot = TelegramHarness.create().property("engagebot.test.clock", "2026-11-01T09:00:00Z");
 * ...
 * bot.say(1001, "/start", "Welsh or English");
 * bot.tap(1001, "l:en", "What would you like to do?");
 * </pre>
 * Registered on an instance field it starts afresh for each test; on a static field (or in a
 * {@code PER_CLASS} test) once for the class. It starts before the class's own {@code @BeforeEach}/{@code @BeforeAll}
 * methods run, so they can seed the database through {@link #service()}.
 */
public final class TelegramHarness implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {
    /** Long enough for a loaded CI machine; a passing step returns as soon as its reply arrives. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, Object> properties = new HashMap<>();
    private String token = "123:TEST";
    private boolean withMail;
    private Consumer<FakeBotApi> beforeStart = fake -> { };
    private boolean perClass;
    private FakeBotApi telegram;
    private MailHarness mail;
    private TestService service;

    private TelegramHarness() {
    }

    public static TelegramHarness create() {
        return new TelegramHarness();
    }

    /** The bot's token (default {@code 123:TEST}). */
    public TelegramHarness token(String value) {
        token = value;
        return this;
    }

    public TelegramHarness property(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    public TelegramHarness properties(Map<String, Object> values) {
        properties.putAll(values);
        return this;
    }

    /** Also run GreenMail as the office's SMTP/IMAP server ({@link #mail()}). */
    public TelegramHarness withMail() {
        withMail = true;
        return this;
    }

    /** Sets up the fake Bot API (rate caps, long-poll limits) before the service first polls it. */
    public TelegramHarness beforeStart(Consumer<FakeBotApi> setUp) {
        beforeStart = setUp;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        telegram = FakeBotApi.start(token);
        beforeStart.accept(telegram);
        Map<String, Object> all = new HashMap<>(properties);
        all.put("engagebot.telegram.token", token);
        all.put("engagebot.telegram.api-url", telegram.baseUrl());
        if (withMail) {
            mail = new MailHarness();
            all = mail.properties(all);
        }
        service = TestService.start(all);
    }

    private void stop() {
        try (FakeBotApi t = telegram; MailHarness m = mail; TestService s = service) {
            telegram = null;
            mail = null;
            service = null;
        }
    }

    public FakeBotApi telegram() {
        return telegram;
    }

    public TestService service() {
        return service;
    }

    public MailHarness mail() {
        if (mail == null) {
            throw new IllegalStateException("started without withMail()");
        }
        return mail;
    }

    public <T> T bean(Class<T> type) {
        return service.bean(type);
    }

    public HttpResponse<String> get(String path) {
        return service.get(path);
    }

    public HttpResponse<String> postJson(String path, String json) {
        return service.postJson(path, json);
    }

    public HttpResponse<String> send(HttpRequest request) {
        return service.send(request);
    }

    public URI url(String path) {
        return service.url(path);
    }

    /** Waits for a message to {@code chat} that matches. */
    public SentMessage awaitMessage(long chat, Predicate<SentMessage> matching) {
        return telegram.awaitMessage(chat, matching, WAIT);
    }

    public List<SentMessage> sentTo(long chat) {
        return telegram.sentTo(chat);
    }

    /** Sends {@code text} from {@code chat} and waits for a reply containing {@code expected}. */
    public SentMessage say(long chat, String text, String expected) {
        return telegram.say(chat, text, expected, WAIT);
    }

    /** Taps the button whose callback data is {@code data} and waits for a reply containing {@code expected}. */
    public SentMessage tap(long chat, String data, String expected) {
        return telegram.tap(chat, data, expected, WAIT);
    }
}
