package org.engagebot.channel.contract;

import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.SentMessage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The channel contract for Telegram: the real Telegram client polling the in-process fake Bot API. */
class TelegramContractIT extends ChannelContract {
    private static final long CHAT = 4242;
    private FakeBotApi telegram;

    @Override
    String channel() {
        return "telegram";
    }

    @Override
    String address() {
        return Long.toString(CHAT);
    }

    @Override
    TestService startService() {
        telegram = FakeBotApi.start("123:TEST");
        return TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl()));
    }

    @Override
    void stopChannel() {
        telegram.close();
    }

    @Override
    void send(String text) {
        if (text.startsWith("/")) {
            telegram.queueCommand(CHAT, text.strip());
        } else {
            telegram.queueText(CHAT, text);
        }
    }

    @Override
    List<String> replies(int count) {
        return telegram.awaitMessages(CHAT, count, Duration.ofSeconds(20)).stream().map(SentMessage::text).toList();
    }

    @Override
    List<String> replies() {
        return telegram.sentTo(CHAT).stream().map(SentMessage::text).toList();
    }

    @Override
    String notRegisteredAnswer() {
        return "We don't have you registered yet";
    }
}
