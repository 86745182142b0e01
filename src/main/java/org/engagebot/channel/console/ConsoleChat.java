package org.engagebot.channel.console;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.engagebot.channel.InboundMessage;
import org.engagebot.channel.InboundPipeline;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participants;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * `java -jar engagebot.jar chat [--lang cy|en]`: talk to the flows in a terminal, through the same inbox,
 * engine and outbox as Telegram. Type a choice's number to pick it; /quit or end of input leaves.
 */
@Singleton
@Requires(property = "engagebot.chat", value = "true")
public class ConsoleChat {
    private final InboundPipeline pipeline;
    private final Outbox outbox;
    private final ConsoleScreen screen;
    private final Participants participants;

    public ConsoleChat(InboundPipeline pipeline, Outbox outbox, ConsoleScreen screen, Participants participants) {
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.screen = screen;
        this.participants = participants;
    }

    public void run(InputStream in, PrintStream out, String address, Language language) throws IOException {
        screen.use(out);
        out.println("Engagebot chat. Type /start to begin, /quit to leave. | Teipiwch /start i ddechrau, /quit i adael.");
        if (language != null) {
            participants.setLanguage(participants.identify(ConsoleSender.CHANNEL, address, null).id(), language);
            say(address, "/start");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        out.print("> ");
        out.flush();
        while ((line = reader.readLine()) != null) {
            if (line.strip().equalsIgnoreCase("/quit") || line.strip().equalsIgnoreCase("/exit")) {
                break;
            }
            say(address, line);
            out.print("> ");
            out.flush();
        }
    }

    private void say(String address, String line) {
        String picked = screen.choiceFor(line);
        Input input = picked != null ? new Input.Picked(picked) : Input.fromText(line);
        pipeline.accept(new InboundMessage(ConsoleSender.CHANNEL, UUID.randomUUID().toString(), address, null, input, null), null)
                .join();
        waitForOutbox();
    }

    private void waitForOutbox() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (outbox.pending(ConsoleSender.CHANNEL) > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
