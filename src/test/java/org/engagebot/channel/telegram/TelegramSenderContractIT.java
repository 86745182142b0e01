package org.engagebot.channel.telegram;

import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.ChannelSenderContract;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.Button;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Telegram sender, with the real client, against the fake Bot API. */
class TelegramSenderContractIT implements ChannelSenderContract {
    private static final long CHAT = 7_700_001L;
    private static FakeBotApi telegram;
    private static TestService service;

    @BeforeAll
    static void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl()));
    }

    @AfterAll
    static void stop() {
        service.close();
        telegram.close();
    }

    @Override
    public ChannelSender sender() {
        return service.bean(TelegramSender.class);
    }

    @Override
    public String reachableAddress() {
        return Long.toString(CHAT);
    }

    @Override
    public List<String> receivedAt(String address) {
        return telegram.sentTo(Long.parseLong(address)).stream().map(TelegramSenderContractIT::shown).toList();
    }

    private static String shown(SentMessage m) {
        return m.text() + "\n" + m.inlineKeyboard().stream().flatMap(List::stream).map(Button::text)
                .collect(Collectors.joining("\n"));
    }
}
