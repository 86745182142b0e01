package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;

import java.util.Set;

/** /broadcast (/darlledu): starts the broadcast flow for allow-listed staff chats, politely refuses anyone else. */
@Singleton
class BroadcastCommand implements CommandHandler {
    private final Broadcasters broadcasters;
    private final Messages messages;

    BroadcastCommand(Broadcasters broadcasters, Messages messages) {
        this.broadcasters = broadcasters;
        this.messages = messages;
    }

    @Override
    public Set<String> commands() {
        return Set.of("broadcast", "darlledu");
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        if (!broadcasters.allows(participant)) {
            return Result.say(messages.get("newsletters.broadcast.refused"));
        }
        return Result.startFlow("broadcast");
    }
}
