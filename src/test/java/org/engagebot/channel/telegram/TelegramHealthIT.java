package org.engagebot.channel.telegram;

import io.micronaut.json.JsonMapper;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.telegram.TelegramHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * /health says Telegram is DOWN in polling mode when no long poll has begun within health-stale-after, or the poller
 * has stopped, though the Bot API still answers getMe. Each long poll lasts 50 s here, so moving the service's clock
 * an hour on is what a poller stuck for an hour looks like.
 */
class TelegramHealthIT {
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .beforeStart(fake -> fake.maxLongPoll(Duration.ofMinutes(5)))
            .property("engagebot.telegram.health-stale-after", "10m")
            .property("engagebot.test.clock", "2026-11-30T09:00:00Z");

    @Test
    void telegramIsDownWhenPollingStallsAndWhenItStops() {
        await(() -> "running".equals(telegramDetails().get("poller")), "poller running");
        assertThat(telegramComponent().get("status")).isEqualTo("UP");

        ((SettableClock) bot.bean(Clock.class)).advance(Duration.ofHours(1));
        assertThat(telegramDetails().get("poller")).isEqualTo("stalled: no cycle for 3600s");
        assertThat(telegramComponent().get("status")).isEqualTo("DOWN");

        bot.bean(TelegramPoller.class).stop();
        assertThat(telegramDetails().get("poller")).isEqualTo("stopped");
        assertThat(telegramComponent().get("status")).isEqualTo("DOWN");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> telegramDetails() {
        return (Map<String, Object>) telegramComponent().get("details");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> telegramComponent() {
        try {
            Map<String, Object> body = bot.bean(JsonMapper.class).readValue(bot.get("/health").body(), Map.class);
            return (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("telegram");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
