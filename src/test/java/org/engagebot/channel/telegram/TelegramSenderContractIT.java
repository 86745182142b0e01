package org.engagebot.channel.telegram;

import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.ChannelSenderContract;
import org.engagebot.testing.telegram.Button;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.Collectors;

/** The Telegram sender, with the real client, against the fake Bot API. */
class TelegramSenderContractIT implements ChannelSenderContract {
    private static final long CHAT = 7_700_001L;
    @RegisterExtension
    static final TelegramHarness bot = TelegramHarness.create();

    @Override
    public ChannelSender sender() {
        return bot.bean(TelegramSender.class);
    }

    @Override
    public String reachableAddress() {
        return Long.toString(CHAT);
    }

    @Override
    public List<String> receivedAt(String address) {
        return bot.sentTo(Long.parseLong(address)).stream().map(TelegramSenderContractIT::shown).toList();
    }

    private static String shown(SentMessage m) {
        return m.text() + "\n" + m.inlineKeyboard().stream().flatMap(List::stream).map(Button::text)
                .collect(Collectors.joining("\n"));
    }
}
