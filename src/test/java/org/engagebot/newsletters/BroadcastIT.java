package org.engagebot.newsletters;

import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * /broadcast from Telegram: allow-listed staff reach subscribers in Welsh and English, or in one language with a
 * reason that is recorded for the report; anyone else is refused politely.
 */
class BroadcastIT {
    private static final long STAFF = 9001;
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.newsletters.telegram-broadcasters", String.valueOf(STAFF))
            .property("engagebot.newsletters.poll-interval", "200ms");

    @Test
    void allowListedStaffBroadcastToSubscribersInTheChosenLanguage() {
        Db db = bot.bean(Db.class);
        long welsh = Fixtures.contact(db, "cy@example.org", "cy", true, false);
        Fixtures.telegram(db, welsh, 9101, "cy");
        long english = Fixtures.contact(db, "en@example.org", "en", true, false);
        Fixtures.telegram(db, english, 9102, "en");

        bot.say(STAFF, "/start", "Welsh or English");
        bot.tap(STAFF, "l:en", "What would you like to do?");
        bot.say(STAFF, "/broadcast", "Will you write it in both?");
        bot.tap(STAFF, "a:languages:both", "What is the message in English?");
        bot.say(STAFF, "Office closed on Friday.", "What is the message in Welsh?");
        bot.say(STAFF, "Swyddfa ar gau ddydd Gwener.", "Who should receive it?");
        bot.tap(STAFF, "a:audience:cy", "check");
        bot.tap(STAFF, "c:confirm", "queued");

        SentMessage got = bot.awaitMessage(9101, m -> m.text().contains("Swyddfa ar gau ddydd Gwener."));
        assertThat(got.callbackData()).containsExactly("/unsubscribe");
        assertThat(bot.sentTo(9102)).isEmpty();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE address = 'cy@example.org' AND batch_type = 'newsletter'"))
                .isEqualTo(1);
    }

    @Test
    void aBroadcastInOneLanguageNeedsAReasonWhichIsRecordedForTheReport() {
        Db db = bot.bean(Db.class);
        long welsh = Fixtures.contact(db, "cy@example.org", "cy", true, false);
        Fixtures.telegram(db, welsh, 9101, "cy");

        bot.say(STAFF, "/start", "Welsh or English");
        bot.tap(STAFF, "l:en", "What would you like to do?");
        bot.say(STAFF, "/broadcast", "Will you write it in both?");
        bot.tap(STAFF, "a:languages:en", "What is the message in English?");
        bot.say(STAFF, "Road closed at Pont Britannia now.", "Why can it not go in both languages?");
        bot.say(STAFF, "Police notice that cannot wait for a translation", "Who should receive it?");
        bot.tap(STAFF, "a:audience:all", "check");
        bot.tap(STAFF, "c:confirm", "queued");

        bot.awaitMessage(9101, m -> m.text().contains("Road closed at Pont Britannia now."));
        assertThat(db.one("SELECT language || ': ' || reason FROM one_language_publication WHERE kind = 'newsletter'",
                rs -> rs.getString(1))).contains("en: Police notice that cannot wait for a translation");
    }

    @Test
    void othersAreRefusedPolitely() {
        bot.say(9002, "/start", "Welsh or English");
        bot.tap(9002, "l:en", "What would you like to do?");
        SentMessage refusal = bot.say(9002, "/broadcast", "only open to office staff");
        assertThat(refusal.text()).doesNotContain("What is the message?");
    }



}
