package org.engagebot.channel.telegram;

import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.Registration;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Telegram group is many people behind one chat id. Were it a participant, whoever is in the group could read or
 * erase the record of the member who once registered there (/mydata, /forget) and see her data posted to all. The
 * bot talks only in private chats: a group's message is kept in the inbox, quarantined, and acts on nothing.
 */
class GroupChatIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private FakeBotApi telegram;
    private TestService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
        telegram.close();
    }

    @Test
    void aGroupChatNeitherShowsNorErasesTheRecordOfTheMemberWhoRegisteredThere() throws Exception {
        long group = -1001234;
        var participant = service.bean(Participants.class).identify("telegram", Long.toString(group), "Tom");
        service.bean(ContactService.class).register(new Registration("Wrexham Food Bank", "Tom Evans", "wrexham",
                "tom@foodbank.example", "+441978123456", null, "Food", "en", false, "2026-11"), participant, "code");

        int mydata = telegram.queueText(group, "/mydata");
        int forget = telegram.queueText(group, "/forget");
        Db db = service.bean(Db.class);
        Instant until = Instant.now().plus(WAIT);
        while (db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND external_id IN (?, ?)",
                Integer.toString(mydata), Integer.toString(forget)) < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        telegram.say(4242, "/start", "Welsh or English", WAIT);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'telegram' AND status = 'QUARANTINED' "
                + "AND external_id IN (?, ?)", Integer.toString(mydata), Integer.toString(forget))).isEqualTo(2);
        assertThat(telegram.sentTo(group)).as("nothing said in the group").isEmpty();
        assertThat(db.count("SELECT count(*) FROM contact WHERE email = 'tom@foodbank.example'")).isEqualTo(1);
    }
}
