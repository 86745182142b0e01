package org.engagebot.channel.console;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxItem;
import org.engagebot.channel.SendResult;
import org.engagebot.channel.OutboundMessage;

/** Prints replies in the terminal, choices as a numbered list. */
@Singleton
@Requires(property = "engagebot.chat", value = "true")
class ConsoleSender implements ChannelSender {
    static final String CHANNEL = "console";
    private final ConsoleScreen screen;

    ConsoleSender(ConsoleScreen screen) {
        this.screen = screen;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public SendResult send(OutboxItem item) {
        OutboundMessage message = Outbox.read(item.payload(), OutboundMessage.class);
        screen.show(message.subject() == null ? message.text() : message.subject() + "\n\n" + message.text(), message.choices());
        return new SendResult.Sent("console-" + item.id());
    }

    @Override
    public double bulkRatePerSecond() {
        return 0;
    }

    @Override
    public int concurrency() {
        return 1;
    }
}
