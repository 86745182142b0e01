package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.CommandHandler;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * /events (/digwyddiadau) lists the events open for replies, each with an RSVP and an Ask-a-question button;
 * "/events rsvp ID" and "/events ask ID" start the event's flows (a question after the cut-off is answered
 * kindly instead); "/events cancel ID" says the person can no longer come, which frees their place.
 */
@Singleton
class EventCommands implements CommandHandler {
    private final EventStore store;
    private final Rsvps rsvps;
    private final Questions questions;
    private final People people;
    private final EventTexts texts;
    private final Clock clock;

    EventCommands(EventStore store, Rsvps rsvps, Questions questions, People people, EventTexts texts, Clock clock) {
        this.store = store;
        this.rsvps = rsvps;
        this.questions = questions;
        this.people = people;
        this.texts = texts;
        this.clock = clock;
    }

    static String rsvpCommand(Event e) {
        return "/events rsvp " + e.id();
    }

    static String askCommand(Event e) {
        return "/events ask " + e.id();
    }

    static String cancelCommand(Event e) {
        return "/events cancel " + e.id();
    }

    @Override
    public Set<String> commands() {
        return Set.of("events", "digwyddiadau", "event", "digwyddiad");
    }

    @Override
    public List<Option> menuEntries() {
        return List.of(new Option("/events", texts.get("events.menu")));
    }

    @Override
    public Result handle(Participant participant, String command, String argument) {
        Instant now = clock.instant();
        String[] words = argument == null ? new String[0] : argument.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length < 2 || words[0].isEmpty()) {
            return list(now);
        }
        Optional<Event> found = find(words[1]).filter(e -> e.invitedAt() != null);
        if (found.isEmpty()) {
            return Result.say(texts.get("events.not-found"));
        }
        Event e = found.get();
        return switch (words[0]) {
            case "ask", "gofyn", "question", "cwestiwn" -> e.takesQuestionsAt(now) ? Result.startFlow(e.questionFlowId())
                    : Result.say(questions.closed(e));
            case "cancel", "canslo" -> e.openAt(now) ? Result.say(rsvps.answer(e, people.of(participant, null, null),
                    RsvpAnswers.of(Rsvp.Answer.NO), now).acknowledgement()) : closed(e);
            default -> e.openAt(now) ? Result.startFlow(e.rsvpFlowId()) : closed(e);
        };
    }

    private Result closed(Event e) {
        return Result.say(texts.text("events.closed", l -> new Object[]{e.title().in(l)}));
    }

    private Result list(Instant now) {
        List<Event> open = store.upcoming(now);
        if (open.isEmpty()) {
            return Result.say(texts.get("events.none-open"));
        }
        List<Text> lines = new ArrayList<>();
        lines.add(texts.get("events.list.heading"));
        List<Option> buttons = new ArrayList<>();
        for (Event e : open) {
            lines.add(texts.text("events.list.item", l -> new Object[]{e.title().in(l), EventTexts.time(e.startsAt(), l)}));
            buttons.add(new Option(rsvpCommand(e), texts.text("events.button.rsvp", l -> new Object[]{e.title().in(l)})));
            if (e.takesQuestionsAt(now)) {
                buttons.add(new Option(askCommand(e), texts.text("events.button.ask", l -> new Object[]{e.title().in(l)})));
            }
        }
        Text text = lines.stream().reduce((a, b) -> a.append(b, "\n")).orElseThrow();
        return new Result(List.of(text), buttons, null);
    }

    private Optional<Event> find(String idOrReference) {
        if (idOrReference.matches("\\d{1,18}")) {
            return store.byId(Long.parseLong(idOrReference));
        }
        return store.byReference(idOrReference.toUpperCase(Locale.ROOT));
    }
}
