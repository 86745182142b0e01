package org.engagebot.newsletters;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /broadcast from Telegram: allow-listed staff reach subscribers in Welsh and English, or in one language with a
 * reason that is recorded for the report; anyone else is refused politely.
 */
class BroadcastIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long STAFF = 9001;
    private FakeBotApi telegram;
    private TestService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl(),
                "engagebot.newsletters.telegram-broadcasters", String.valueOf(STAFF),
                "engagebot.newsletters.poll-interval", "200ms"));
    }

    @AfterEach
    void stop() {
        service.close();
        telegram.close();
    }

    @Test
    void allowListedStaffBroadcastToSubscribersInTheChosenLanguage() {
        Db db = service.bean(Db.class);
        long welsh = Fixtures.contact(db, "cy@example.org", "cy", true, false);
        Fixtures.telegram(db, welsh, 9101, "cy");
        long english = Fixtures.contact(db, "en@example.org", "en", true, false);
        Fixtures.telegram(db, english, 9102, "en");

        say(STAFF, "/start", "Welsh or English");
        tap(STAFF, "l:en", "What would you like to do?");
        say(STAFF, "/broadcast", "Will you write it in both?");
        tap(STAFF, "a:languages:both", "What is the message in English?");
        say(STAFF, "Office closed on Friday.", "What is the message in Welsh?");
        say(STAFF, "Swyddfa ar gau ddydd Gwener.", "Who should receive it?");
        tap(STAFF, "a:audience:cy", "check");
        tap(STAFF, "c:confirm", "queued");

        SentMessage got = telegram.awaitMessage(9101, m -> m.text().contains("Swyddfa ar gau ddydd Gwener."), WAIT);
        assertThat(got.callbackData()).containsExactly("/unsubscribe");
        assertThat(telegram.sentTo(9102)).isEmpty();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE address = 'cy@example.org' AND batch_type = 'newsletter'"))
                .isEqualTo(1);
    }

    @Test
    void aBroadcastInOneLanguageNeedsAReasonWhichIsRecordedForTheReport() {
        Db db = service.bean(Db.class);
        long welsh = Fixtures.contact(db, "cy@example.org", "cy", true, false);
        Fixtures.telegram(db, welsh, 9101, "cy");

        say(STAFF, "/start", "Welsh or English");
        tap(STAFF, "l:en", "What would you like to do?");
        say(STAFF, "/broadcast", "Will you write it in both?");
        tap(STAFF, "a:languages:en", "What is the message in English?");
        say(STAFF, "Road closed at Pont Britannia now.", "Why can it not go in both languages?");
        say(STAFF, "Police notice that cannot wait for a translation", "Who should receive it?");
        tap(STAFF, "a:audience:all", "check");
        tap(STAFF, "c:confirm", "queued");

        telegram.awaitMessage(9101, m -> m.text().contains("Road closed at Pont Britannia now."), WAIT);
        assertThat(db.one("SELECT language || ': ' || reason FROM one_language_publication WHERE kind = 'newsletter'",
                rs -> rs.getString(1))).contains("en: Police notice that cannot wait for a translation");
    }

    @Test
    void othersAreRefusedPolitely() {
        say(9002, "/start", "Welsh or English");
        tap(9002, "l:en", "What would you like to do?");
        SentMessage refusal = say(9002, "/broadcast", "only open to office staff");
        assertThat(refusal.text()).doesNotContain("What is the message?");
    }

    private SentMessage say(long chat, String text, String expected) {
        return telegram.say(chat, text, expected, WAIT);
    }

    private SentMessage tap(long chat, String data, String expected) {
        return telegram.tap(chat, data, expected, WAIT);
    }

}
