package org.engagebot.channel.telegram;

import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person talking to the bot while a big broadcast drains at the bulk rate is answered ahead of it: the reply
 * jumps the queue of bulk rows instead of waiting behind them, and the broadcast still goes out without a 429.
 */
class BroadcastPriorityIT {
    private static final int BROADCAST = 400;
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().beforeStart(fake -> fake.rateCap(30));

    @Test
    void aLiveConversationIsAnsweredAheadOfAQueuedBroadcast() {
        Outbox outbox = bot.bean(Outbox.class);
        for (int i = 0; i < BROADCAST; i++) {
            outbox.enqueue("telegram", Long.toString(50_000 + i), OutboundMessage.text("Broadcast " + i), Outbox.BULK,
                    "broadcast-test", 1L);
        }
        bot.telegram().awaitMessage(50_000, m -> m.text().contains("Broadcast 0"), Duration.ofSeconds(15));

        bot.telegram().say(7001, "/start", "Welsh or English", Duration.ofSeconds(15));

        Db db = bot.bean(Db.class);
        long bulkStillQueued = db.count("SELECT count(*) FROM outbox WHERE batch_type = 'broadcast-test' AND status <> 'SENT'");
        // at 30 a second the broadcast needs over 13 s; the reply came while most of it was still waiting
        assertThat(bulkStillQueued).isGreaterThan(BROADCAST / 2);
        assertThat(bot.telegram().tooManyRequests()).isZero();
    }
}
