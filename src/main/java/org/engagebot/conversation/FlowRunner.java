package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a session through its flow: asks, reads answers, /back, and completion; the summary and changing an answer
 * from it are {@link SummaryScreen}'s.
 */
@Singleton
public class FlowRunner {
    private final SessionStore sessions;
    private final FlowRegistry flows;
    private final Prompter prompter;
    private final AnswerReader reader;
    private final Messages messages;
    private final FlowCompleter completer;
    private final LeavingFlow leaving;
    private final Asking asking;
    private final OfferedAnswers offered;
    private final SummaryScreen summary;
    private final NotTaken notTaken;

    public FlowRunner(SessionStore sessions, FlowRegistry flows, Prompter prompter, AnswerReader reader,
                      Messages messages, FlowCompleter completer, List<KnownDetails> knownDetails) {
        this.sessions = sessions;
        this.flows = flows;
        this.prompter = prompter;
        this.reader = reader;
        this.messages = messages;
        this.completer = completer;
        this.leaving = new LeavingFlow(sessions, prompter, messages);
        this.asking = new Asking(sessions, prompter, knownDetails);
        this.offered = new OfferedAnswers(reader, messages);
        this.summary = new SummaryScreen(sessions, prompter, reader, messages, leaving, asking);
        this.notTaken = new NotTaken(sessions, reader, prompter, messages, asking);
    }

    List<Reply> start(Participant p, FlowDefinition flow, Instant now, ReplyBuilder out) {
        out.say(flow.intro());
        out.say(messages.get("flow.controls"));
        return advance(p, flow, Session.start(p.id(), flow.id(), now), -1, now, out);
    }

    /**
     * Starts a fallback flow with free text sent outside a conversation as its first answer, then shows the
     * summary (or asks what is still missing). Text its first step cannot take starts the flow as usual.
     */
    List<Reply> startWith(Participant p, FlowDefinition flow, String text, Instant now, ReplyBuilder out) {
        return startWith(p, flow, text, now, out, null);
    }

    /**
     * @param offer the menu entry the text seemed to ask for ("register"), offered as a button beside the summary
     *              for as long as it is shown, or null
     */
    List<Reply> startWith(Participant p, FlowDefinition flow, String text, Instant now, ReplyBuilder out, String offer) {
        Step first = flow.steps().get(0);
        AnswerReader.Read read = reader.read(first, new Input.Typed(text), Map.of());
        if (!(read instanceof AnswerReader.Read.Accepted accepted)) {
            return start(p, flow, now, out);
        }
        out.say(flow.fallback());
        Session s = Session.start(p.id(), flow.id(), now).answered(first.id(), accepted.value(), now).pushHistory(first.id());
        if (offer != null) {
            s = Markers.set(s, Markers.OFFER, offer, now);
        }
        return advance(p, flow, s, 0, now, out);
    }

    YesNoReader.Meaning meaning(String text) {
        return reader.meaning(text);
    }

    LeavingFlow leaving() {
        return leaving;
    }

    SummaryScreen summary() {
        return summary;
    }

    List<Reply> answer(Participant p, Session session, Input in, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        Optional<FlowDefinition> flow = flows.find(session.flowId());
        if (flow.isEmpty()) {
            sessions.delete(p.id());
            prompter.menu(out.say(messages.get("flow.gone")));
            return out.build();
        }
        return switch (session.mode()) {
            case ASKING, EDITING -> answerStep(p, flow.get(), session, in, now, out);
            case CONFIRMING -> summary.answer(p, flow.get(), session, in, now, out, this::complete);
            case CHOOSING_EDIT -> summary.chooseEdit(p, flow.get(), session, in, now, out);
        };
    }

    List<Reply> back(Participant p, Session session, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        FlowDefinition flow = flows.find(session.flowId()).orElseThrow();
        if (session.mode() == Session.Mode.CHOOSING_EDIT || session.mode() == Session.Mode.EDITING) {
            return summary.resumeAfterEdit(p, flow, session, now, out);
        }
        Map<String, String> applicable = flow.applicableAnswers(session.answers());
        Session popped = session;
        while (!popped.history().isEmpty()
                && !applicable.containsKey(popped.history().get(popped.history().size() - 1))) {
            popped = popped.popHistory();
        }
        if (popped.history().isEmpty()) {
            out.say(messages.get("back.first"));
            return reask(p, session, out);
        }
        String previous = popped.history().get(popped.history().size() - 1);
        Session s = popped.popHistory().at(previous, Session.Mode.ASKING, now);
        sessions.save(s);
        String earlier = session.answers().get(previous);
        if (earlier != null && !earlier.isEmpty()) {
            Step step = flow.step(previous).orElseThrow();
            out.say(messages.get("back.previous", prompter.display(step, earlier, p.language())));
        }
        return ask(p, flow, s, out);
    }

    List<Reply> help(Participant p, Session session) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        out.say(messages.get("help.in-flow"));
        return reask(p, session, out);
    }

    List<Reply> reask(Participant p, Session session, ReplyBuilder out) {
        FlowDefinition flow = flows.find(session.flowId()).orElseThrow();
        return switch (session.mode()) {
            case ASKING, EDITING -> ask(p, flow, session, out);
            case CONFIRMING -> summary.show(p, flow, session, out);
            case CHOOSING_EDIT -> summary.showEditChoices(flow, session, out);
        };
    }

    private List<Reply> answerStep(Participant p, FlowDefinition flow, Session asked, Input in, Instant now, ReplyBuilder out) {
        Step step = flow.step(asked.stepId()).orElseThrow();
        Session s = Markers.clear(asked, Markers.SUGGESTED);
        Map<String, String> known = offered.mayUseKnown(step, in) ? asking.known(p, step) : Map.of();
        Optional<AnswerReader.Read> taken = offered.suggestionTaken(step, asked, in);
        if (taken.isPresent() && taken.get() instanceof AnswerReader.Read.Rejected) {
            // "no" to the area a postcode implied: ask the question again without offering it
            s = Markers.set(s, Markers.NOT_THAT, step.id() + ":" + Markers.get(asked, Markers.SUGGESTED).orElseThrow(), now);
        }
        AnswerReader.Read read = taken.orElseGet(() -> reader.read(step, offered.usedKnown(step, in, known), known));
        if (read instanceof AnswerReader.Read.Declined) {
            return declined(p, flow, out);
        }
        if (read instanceof AnswerReader.Read.Rejected r) {
            return notTaken.reply(p, flow, step, asked, s, in, r, now, out);
        }
        String value = ((AnswerReader.Read.Accepted) read).value();
        Session answered = s.answered(step.id(), value, now);
        if (s.mode() == Session.Mode.EDITING) {
            return summary.changed(p, flow, answered, now, out);
        }
        return advance(p, flow, answered.pushHistory(step.id()), flow.indexOf(step.id()), now, out);
    }

    /** A required consent was refused: end kindly, keep nothing, say what happens next. */
    private List<Reply> declined(Participant p, FlowDefinition flow, ReplyBuilder out) {
        sessions.delete(p.id());
        String en = flow.commands().isEmpty() ? flow.id() : flow.commands().get(0);
        String cy = flow.commands().size() > 1 ? flow.commands().get(1) : en;
        out.say(messages.get("consent.declined").format(en, cy));
        prompter.menu(out);
        return out.build();
    }

    private List<Reply> advance(Participant p, FlowDefinition flow, Session s, int fromIndex, Instant now, ReplyBuilder out) {
        Map<String, String> applicable = flow.applicableAnswers(s.answers());
        for (int i = fromIndex + 1; i < flow.steps().size(); i++) {
            Step next = flow.steps().get(i);
            if (next.appliesTo(applicable)) {
                Session asking = s.at(next.id(), Session.Mode.ASKING, now);
                sessions.save(asking);
                return ask(p, flow, asking, out);
            }
        }
        if (!flow.confirm()) {
            return complete(p, flow, s, now, out);
        }
        return summary.show(p, flow, s.at(null, Session.Mode.CONFIRMING, now), out);
    }

    /** Completes the flow; starts the one its action names next (e.g. asking for an emailed code) in the same turn. */
    private List<Reply> complete(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out) {
        Optional<FlowDefinition> next = completer.finish(p, flow, s, out);
        return next.isPresent() ? start(p, next.get(), now, out) : out.build();
    }

    private List<Reply> ask(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        return asking.ask(p, flow, s, out);
    }
}
