package org.engagebot.channel.telegram;

import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.Registration;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram group is many people behind one chat id. Were it a participant, whoever is in the group could read or
 * erase the record of the member who once registered there (/mydata, /forget) and see her data posted to all. The
 * bot talks only in private chats: a group's message is kept in the inbox, quarantined, and acts on nothing; the
 * group is told so once a day (stored, so a restart does not tell it again), and a bot is never answered.
 */
class GroupChatIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();

    @Test
    void aGroupChatNeitherShowsNorErasesTheRecordOfTheMemberWhoRegisteredThere() throws Exception {
        long group = -1001234;
        var participant = bot.bean(Participants.class).identify("telegram", Long.toString(group), "Tom");
        bot.bean(ContactService.class).register(new Registration("Wrexham Food Bank", "Tom Evans", "wrexham",
                "tom@foodbank.example", "+441978123456", null, "Food", "en", false, "2026-11"), participant, "code");

        int mydata = bot.telegram().queueText(group, "/mydata");
        int forget = bot.telegram().queueText(group, "/forget");
        Db db = bot.bean(Db.class);
        Instant until = Instant.now().plus(WAIT);
        while (db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND external_id IN (?, ?)",
                Integer.toString(mydata), Integer.toString(forget)) < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        bot.say(4242, "/start", "Welsh or English");
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = 'QUARANTINED' "
                + "AND external_id IN (?, ?)", Integer.toString(mydata), Integer.toString(forget))).isEqualTo(2);
        assertThat(bot.sentTo(group)).as("only where to talk, once").singleElement().satisfies(m -> assertThat(m.text())
                .contains("@" + FakeBotApi.BOT_USERNAME).doesNotContain("Tom", "tom@foodbank.example", "Wrexham"));
        assertThat(db.count("SELECT count(*) FROM contact WHERE email = 'tom@foodbank.example'")).isEqualTo(1);
    }

    @Test
    void aGroupIsToldOnceADayInBothLanguagesToTalkInPrivateAndABotIsNeverAnswered() throws Exception {
        long group = -2001;
        bot.telegram().queueText(group, "Hello bot");
        SentMessage told = bot.awaitMessage(group, m -> true);
        assertThat(told.text()).isEqualTo("Rwy'n siarad mewn sgyrsiau preifat yn unig: anfonwch neges ataf yn "
                + "uniongyrchol yn @engagebot_test_bot.\n\nI only talk in private chats: message me directly at @engagebot_test_bot.");
        bot.telegram().queueText(group, "Hello again");
        long supergroup = -1002002;
        bot.telegram().queueUpdate(groupMessage(supergroup, "supergroup", 77, false, "Helo"));
        long botsGroup = -2003;
        bot.telegram().queueUpdate(groupMessage(botsGroup, "group", 78, true, "I am a bot"));
        bot.telegram().queueUpdate(groupMessage(botsGroup, "group", bot.telegram().botId(), true, "I am this bot"));
        bot.telegram().queueUpdate("{\"channel_post\": {\"message_id\": 9, \"date\": 1, \"text\": \"News\", "
                + "\"chat\": {\"id\": -1002004, \"type\": \"channel\", \"title\": \"A channel\"}}}");
        bot.awaitMessage(supergroup, m -> m.text().contains("@engagebot_test_bot"));
        settle();
        assertThat(bot.sentTo(group)).as("once a day").hasSize(1);
        assertThat(bot.sentTo(botsGroup)).as("never a bot, never itself").isEmpty();
        assertThat(bot.sentTo(-1002004)).as("never a channel").isEmpty();

        bot.service().restart();
        bot.telegram().queueText(group, "Still there?");
        settle();
        assertThat(bot.sentTo(group)).as("a restart does not tell it again").hasSize(1);

        bot.bean(Db.class).update("UPDATE telegram_group_notice SET notified_at = notified_at - ?",
                Duration.ofHours(25).toMillis());
        bot.telegram().queueText(group, "A day later");
        bot.telegram().awaitMessages(group, 2, WAIT);
        assertThat(bot.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = "
                + "'QUARANTINED'")).as("every group message still quarantined").isEqualTo(8);
    }

    /** Waits until every queued update is read and a private chat's answer has gone out after them. */
    private void settle() {
        long chat = 4000 + bot.telegram().lastUpdateId();
        bot.say(chat, "/start", "Welsh or English");
    }

    private static String groupMessage(long chat, String type, long from, boolean bot, String text) {
        return "{\"message\": {\"message_id\": " + Math.abs(from) + ", \"date\": 1, \"text\": \"" + text + "\", "
                + "\"from\": {\"id\": " + from + ", \"is_bot\": " + bot + ", \"first_name\": \"X\"}, "
                + "\"chat\": {\"id\": " + chat + ", \"type\": \"" + type + "\", \"title\": \"G\"}}}";
    }
}
