package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Participant;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "/visit status" (or "/ymweliad statws"): the participant's applications with reference and status. The
 * engine starts the visit flow for "/visit" without an argument and only hands arguments to this handler.
 */
@Singleton
class VisitStatusCommand implements CommandHandler {
    private static final Set<String> STATUS_WORDS = Set.of("status", "statws", "state", "applications", "ceisiadau");

    private final VisitService visits;
    private final VisitTexts texts;
    private final Messages messages;

    VisitStatusCommand(VisitService visits, VisitTexts texts, Messages messages) {
        this.visits = visits;
        this.texts = texts;
        this.messages = messages;
    }

    @Override
    public Set<String> commands() {
        return Set.of("visit", "ymweliad");
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        String word = argument == null ? "" : argument.strip().toLowerCase(Locale.ROOT);
        if (STATUS_WORDS.contains(word)) {
            return Result.say(texts.mine(visits.forApplicant(participant)));
        }
        return new Result(List.of(messages.get("visits.command.usage")), List.of(
                new Option("/visit", messages.get("visits.choice.apply")),
                new Option("/visit status", messages.get("visits.choice.status"))), null);
    }
}
