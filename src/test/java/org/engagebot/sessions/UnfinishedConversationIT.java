package org.engagebot.sessions;

import org.engagebot.conversation.SessionStore;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An unfinished application is kept 14 days: one reminder after a day, then a closing message; nothing lost before. */
class UnfinishedConversationIT {
    private static final long CHAT = 9301;
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.test.clock", "2027-03-10T09:00:00Z");
    private SettableClock clock;
    private IdleSessionJob job;

    @BeforeEach
    void seed() {
        clock = (SettableClock) bot.bean(Clock.class);
        job = bot.bean(IdleSessionJob.class);
        bot.say(CHAT, "/start", "Welsh or English");
        bot.tap(CHAT, "l:en", "What would you like to do?");
        bot.say(CHAT, "/visit", "full name of your organisation");
        bot.say(CHAT, "Llan Youth Club", "Who should we contact");
    }

    @Test
    void oneReminderAfterADayThenTheAnswersAreStillThere() {
        clock.advance(Duration.ofHours(23));
        assertThat(job.run()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(job.run()).isEqualTo(1);
        SentMessage reminder = bot.awaitMessage(CHAT, m -> m.text().contains("You were part-way through"));
        assertThat(reminder.text()).contains("Apply for a visit by the Commissioner", "Wednesday 24 March");
        assertThat(reminder.callbackData()).containsExactly("/continue", "/cancel");
        assertThat(job.run()).as("one reminder per idle spell").isZero();

        bot.tap(CHAT, "/continue", "Who should we contact about the visit?");
        bot.say(CHAT, "Dewi Jones", "address where your services are provided");
        assertThat(bot.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .containsEntry("organisation", "Llan Youth Club").containsEntry("contact_name", "Dewi Jones");
    }

    @Test
    void aTypedYesToTheReminderCarriesOnAndIsNotTakenAsTheAnswer() {
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        bot.awaitMessage(CHAT, m -> m.text().contains("would you like to carry on?"));

        bot.say(CHAT, "yes please", "Who should we contact about the visit?");
        assertThat(bot.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .doesNotContainKey("contact_name").doesNotContainKey("_reminded");
        bot.say(CHAT, "Dewi Jones", "address where your services are provided");
        assertThat(bot.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .containsEntry("contact_name", "Dewi Jones");
    }

    @Test
    void aTypedNoToTheReminderStopsAsTheStopButtonDoes() {
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        bot.awaitMessage(CHAT, m -> m.text().contains("would you like to carry on?"));
        int before = bot.sentTo(CHAT).size();
        bot.tap(CHAT, "/cancel", "");
        String stopButton = bot.sentTo(CHAT).get(before).text();

        // a second participant, same place, types "no" instead of tapping Stop
        long other = CHAT + 1;
        bot.say(other, "/start", "Welsh or English");
        bot.tap(other, "l:en", "What would you like to do?");
        bot.say(other, "/visit", "full name of your organisation");
        bot.say(other, "Llan Youth Club", "Who should we contact");
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        bot.awaitMessage(other, m -> m.text().contains("would you like to carry on?"));
        SentMessage typedNo = bot.say(other, "no thanks", "");
        assertThat(typedNo.text()).isEqualTo(stopButton);
        assertThat(bot.bean(SessionStore.class).find(idOf(other)).map(s -> s.answers().get("contact_name")))
                .as("not stored as the contact's name").isNotEqualTo(java.util.Optional.of("no thanks"));
    }

    @Test
    void afterFourteenDaysTheConversationIsClosedWithAMessage() {
        clock.advance(Duration.ofDays(13));
        assertThat(job.run()).as("the reminder").isEqualTo(1);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(job.run()).as("the closing message").isEqualTo(1);
        SentMessage closed = bot.awaitMessage(CHAT, m -> m.text().contains("we have closed it"));
        assertThat(closed.text()).contains("nothing had happened for 14 days", "/visit");
        assertThat(bot.bean(SessionStore.class).find(idOf())).isEmpty();
    }

    private long idOf() {
        return idOf(CHAT);
    }

    private long idOf(long chat) {
        return bot.bean(org.engagebot.conversation.Participants.class).find("telegram", Long.toString(chat))
                .orElseThrow().id();
    }
}
