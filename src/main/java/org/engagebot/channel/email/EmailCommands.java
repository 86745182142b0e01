package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words in an email that stand for a chat command ("unsubscribe", "fy nata": {@link EmailMenu#command}) run the
 * same {@link CommandHandler} as /unsubscribe or /mydata in chat, so there is one unsubscribe and one my-data for
 * every channel. The handler's messages are rendered for email (both languages when the sender's is unknown).
 */
@Singleton
class EmailCommands {
    private final Map<String, CommandHandler> handlers = new HashMap<>();

    EmailCommands(List<CommandHandler> handlers) {
        for (CommandHandler h : handlers) {
            h.commands().forEach(c -> this.handlers.putIfAbsent(c, h));
        }
    }

    /** Runs the command for the participant; nothing when no feature answers it. */
    List<OutboundMessage> run(String command, Participant p) {
        CommandHandler handler = handlers.get(command);
        if (handler == null) {
            return List.of();
        }
        CommandHandler.Result result = handler.handle(p, command, "");
        return result.messages().isEmpty() ? List.of() : List.of(OutboundMessage.text(result.messages().stream()
                .map(t -> FormText.both(t, p.language())).collect(Collectors.joining("\n\n"))));
    }

    /** The same command run for an address that is not to be answered (an automatic message). */
    void runSilently(String command, Participant p) {
        CommandHandler handler = handlers.get(command);
        if (handler != null) {
            handler.handle(p, command, "");
        }
    }

    static Participant unknown(String address, Language language) {
        return new Participant(0, EmailChannel.NAME, address, language, null);
    }
}
