package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** /consultations lists the open ones with a button each; /consultations ID (or reference) starts its chat flow. */
@Singleton
class ConsultationCommands implements CommandHandler {
    private final ConsultationStore store;
    private final ConsultationTexts texts;
    private final Clock clock;

    ConsultationCommands(ConsultationStore store, ConsultationTexts texts, Clock clock) {
        this.store = store;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public Set<String> commands() {
        return Set.of("consultations", "ymgynghoriadau", "consultation");
    }

    @Override
    public List<Option> menuEntries() {
        return List.of(new Option("/consultations", texts.get("consultations.menu")));
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        Instant now = clock.instant();
        if (argument == null || argument.isBlank()) {
            return list(now);
        }
        Optional<Consultation> found = find(argument.strip()).filter(Consultation::published);
        if (found.isEmpty()) {
            return Result.say(texts.get("consultations.not-found"));
        }
        Consultation c = found.get();
        if (c.closedAt(now)) {
            return Result.startFlow(c.flowId(), ConsultationTexts.both(l -> texts.say("consultations.closed-preface", l,
                    ConsultationTexts.date(c.closesAt(), l))));
        }
        return Result.startFlow(c.flowId());
    }

    private Result list(Instant now) {
        List<Consultation> open = store.published().stream().filter(c -> c.openAt(now)).toList();
        if (open.isEmpty()) {
            return Result.say(texts.get("consultations.none-open"));
        }
        List<Option> buttons = open.stream().map(c -> new Option("/consultations " + c.id(), ConsultationTexts.both(l ->
                texts.say("consultations.list.item", l, c.title().in(l), ConsultationTexts.date(c.closesAt(), l))))).toList();
        return new Result(List.of(texts.get("consultations.list.heading")), buttons, null);
    }

    private Optional<Consultation> find(String argument) {
        if (argument.matches("\\d{1,18}")) {
            return store.byId(Long.parseLong(argument));
        }
        return store.byReference(argument.toUpperCase(java.util.Locale.ROOT));
    }
}
