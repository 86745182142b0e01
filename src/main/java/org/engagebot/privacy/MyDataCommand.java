package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Participant;

import java.util.Set;

/** /mydata (/fynata): everything held about the person, as a summary and a 24-hour download link. */
@Singleton
class MyDataCommand implements CommandHandler {
    private final PrivacyService privacy;

    MyDataCommand(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @Override
    public Set<String> commands() {
        return Set.of("mydata", "fynata");
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        return Result.say(privacy.exportFor(participant).summary());
    }
}
