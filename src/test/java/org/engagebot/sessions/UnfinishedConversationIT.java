package org.engagebot.sessions;

import org.engagebot.conversation.SessionStore;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An unfinished application is kept 14 days: one reminder after a day, then a closing message; nothing lost before. */
class UnfinishedConversationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long CHAT = 9301;
    private FakeBotApi telegram;
    private TestService service;
    private SettableClock clock;
    private IdleSessionJob job;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl(), "engagebot.test.clock", "2027-03-10T09:00:00Z"));
        clock = (SettableClock) service.bean(Clock.class);
        job = service.bean(IdleSessionJob.class);
        telegram.say(CHAT, "/start", "Welsh or English", WAIT);
        telegram.tap(CHAT, "l:en", "What would you like to do?", WAIT);
        telegram.say(CHAT, "/visit", "full name of your organisation", WAIT);
        telegram.say(CHAT, "Llan Youth Club", "Who should we contact", WAIT);
    }

    @AfterEach
    void stop() {
        service.close();
        telegram.close();
    }

    @Test
    void oneReminderAfterADayThenTheAnswersAreStillThere() {
        clock.advance(Duration.ofHours(23));
        assertThat(job.run()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(job.run()).isEqualTo(1);
        SentMessage reminder = telegram.awaitMessage(CHAT, m -> m.text().contains("You were part-way through"), WAIT);
        assertThat(reminder.text()).contains("Apply for a visit by the Commissioner", "Wednesday 24 March");
        assertThat(reminder.callbackData()).containsExactly("/continue", "/cancel");
        assertThat(job.run()).as("one reminder per idle spell").isZero();

        telegram.tap(CHAT, "/continue", "Who should we contact about the visit?", WAIT);
        telegram.say(CHAT, "Dewi Jones", "address where your services are provided", WAIT);
        assertThat(service.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .containsEntry("organisation", "Llan Youth Club").containsEntry("contact_name", "Dewi Jones");
    }

    @Test
    void aTypedYesToTheReminderCarriesOnAndIsNotTakenAsTheAnswer() {
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        telegram.awaitMessage(CHAT, m -> m.text().contains("would you like to carry on?"), WAIT);

        telegram.say(CHAT, "yes please", "Who should we contact about the visit?", WAIT);
        assertThat(service.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .doesNotContainKey("contact_name").doesNotContainKey("_reminded");
        telegram.say(CHAT, "Dewi Jones", "address where your services are provided", WAIT);
        assertThat(service.bean(SessionStore.class).find(idOf()).orElseThrow().answers())
                .containsEntry("contact_name", "Dewi Jones");
    }

    @Test
    void aTypedNoToTheReminderStopsAsTheStopButtonDoes() {
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        telegram.awaitMessage(CHAT, m -> m.text().contains("would you like to carry on?"), WAIT);
        int before = telegram.sentTo(CHAT).size();
        telegram.tap(CHAT, "/cancel", "", WAIT);
        String stopButton = telegram.sentTo(CHAT).get(before).text();

        // a second participant, same place, types "no" instead of tapping Stop
        long other = CHAT + 1;
        telegram.say(other, "/start", "Welsh or English", WAIT);
        telegram.tap(other, "l:en", "What would you like to do?", WAIT);
        telegram.say(other, "/visit", "full name of your organisation", WAIT);
        telegram.say(other, "Llan Youth Club", "Who should we contact", WAIT);
        clock.advance(Duration.ofHours(25));
        assertThat(job.run()).isEqualTo(1);
        telegram.awaitMessage(other, m -> m.text().contains("would you like to carry on?"), WAIT);
        SentMessage typedNo = telegram.say(other, "no thanks", "", WAIT);
        assertThat(typedNo.text()).isEqualTo(stopButton);
        assertThat(service.bean(SessionStore.class).find(idOf(other)).map(s -> s.answers().get("contact_name")))
                .as("not stored as the contact's name").isNotEqualTo(java.util.Optional.of("no thanks"));
    }

    @Test
    void afterFourteenDaysTheConversationIsClosedWithAMessage() {
        clock.advance(Duration.ofDays(13));
        assertThat(job.run()).as("the reminder").isEqualTo(1);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(job.run()).as("the closing message").isEqualTo(1);
        SentMessage closed = telegram.awaitMessage(CHAT, m -> m.text().contains("we have closed it"), WAIT);
        assertThat(closed.text()).contains("nothing had happened for 14 days", "/visit");
        assertThat(service.bean(SessionStore.class).find(idOf())).isEmpty();
    }

    private long idOf() {
        return idOf(CHAT);
    }

    private long idOf(long chat) {
        return service.bean(org.engagebot.conversation.Participants.class).find("telegram", Long.toString(chat))
                .orElseThrow().id();
    }
}
