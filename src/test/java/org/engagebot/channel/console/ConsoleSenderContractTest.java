package org.engagebot.channel.console;

import org.engagebot.channel.ChannelSender;
import org.engagebot.channel.ChannelSenderContract;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The terminal chat's sender: everything it is given is shown on the screen, choices numbered. */
class ConsoleSenderContractTest implements ChannelSenderContract {
    private final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();
    private final ChannelSender sender;

    ConsoleSenderContractTest() {
        ConsoleScreen screen = new ConsoleScreen();
        screen.use(new PrintStream(screenBytes, true, StandardCharsets.UTF_8));
        sender = new ConsoleSender(screen);
    }

    @Override
    public ChannelSender sender() {
        return sender;
    }

    @Override
    public String reachableAddress() {
        return "terminal";
    }

    @Override
    public List<String> receivedAt(String address) {
        return List.of(screenBytes.toString(StandardCharsets.UTF_8));
    }
}
