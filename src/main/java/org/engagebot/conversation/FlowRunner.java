package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Moves a session through its flow: asks, reads answers, summary, edit, /back, and completion. */
@Singleton
public class FlowRunner {
    private final SessionStore sessions;
    private final FlowRegistry flows;
    private final Prompter prompter;
    private final AnswerReader reader;
    private final Messages messages;
    private final FlowCompleter completer;
    private final List<KnownDetails> knownDetails;
    private final LeavingFlow leaving;
    private final KnownDetailLabel knownLabel;

    public FlowRunner(SessionStore sessions, FlowRegistry flows, Prompter prompter, AnswerReader reader,
                      Messages messages, FlowCompleter completer, List<KnownDetails> knownDetails) {
        this.leaving = new LeavingFlow(sessions, prompter, messages);
        this.sessions = sessions;
        this.flows = flows;
        this.prompter = prompter;
        this.reader = reader;
        this.messages = messages;
        this.completer = completer;
        this.knownDetails = knownDetails;
        this.knownLabel = new KnownDetailLabel(messages);
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
            case CONFIRMING -> confirming(p, flow.get(), session, in, now, out);
            case CHOOSING_EDIT -> choosingEdit(p, flow.get(), session, in, now, out);
        };
    }

    List<Reply> back(Participant p, Session session, Instant now) {
        ReplyBuilder out = new ReplyBuilder(p.language());
        FlowDefinition flow = flows.find(session.flowId()).orElseThrow();
        if (session.mode() == Session.Mode.CHOOSING_EDIT || session.mode() == Session.Mode.EDITING) {
            return resumeAfterEdit(p, flow, session, now, out);
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
            case CONFIRMING -> showSummary(p, flow, session, out);
            case CHOOSING_EDIT -> {
                prompter.editChoices(out, flow, session.answers());
                yield out.build();
            }
        };
    }

    private List<Reply> answerStep(Participant p, FlowDefinition flow, Session asked, Input in, Instant now, ReplyBuilder out) {
        Step step = flow.step(asked.stepId()).orElseThrow();
        Session s = Markers.clear(asked, Markers.SUGGESTED);
        Map<String, String> known = mayUseKnown(step, in) ? known(p, step) : Map.of();
        Optional<AnswerReader.Read> taken = suggestionTaken(step, asked, in);
        if (taken.isPresent() && taken.get() instanceof AnswerReader.Read.Rejected) {
            // "no" to the area a postcode implied: ask the question again without offering it
            s = Markers.set(s, Markers.NOT_THAT, step.id() + ":" + Markers.get(asked, Markers.SUGGESTED).orElseThrow(), now);
        }
        AnswerReader.Read read = taken.orElseGet(() -> reader.read(step, usedKnown(step, in, known), known));
        if (read instanceof AnswerReader.Read.Declined) {
            return declined(p, flow, out);
        }
        if (read instanceof AnswerReader.Read.Rejected r) {
            out.problem(r.reason());
            if (r.suggestions().isEmpty()) {
                if (s != asked) {
                    sessions.save(s);
                }
                return ask(p, flow, s, out);
            }
            r.suggestions().forEach(o -> out.offer(ChoiceValues.answer(step.id(), o.value()), o.label()));
            sessions.save(r.suggestions().size() == 1
                    ? Markers.set(s, Markers.SUGGESTED, r.suggestions().get(0).value(), now) : s.at(s.stepId(), s.mode(), now));
            return out.build();
        }
        String value = ((AnswerReader.Read.Accepted) read).value();
        Session answered = s.answered(step.id(), value, now);
        if (s.mode() == Session.Mode.EDITING) {
            answered = answered.without(stale(flow, answered.answers()), now);
            return resumeAfterEdit(p, flow, answered, now, out);
        }
        return advance(p, flow, answered.pushHistory(step.id()), flow.indexOf(step.id()), now, out);
    }

    private List<Reply> confirming(Participant p, FlowDefinition flow, Session s, Input in, Instant now, ReplyBuilder out) {
        if (in instanceof Input.Picked picked && picked.value().startsWith(ChoiceValues.editStep(""))) {
            return choosingEdit(p, flow, s, in, now, out);
        }
        String choice = reader.summaryChoice(in);
        return switch (choice) {
            case ChoiceValues.CONFIRM -> complete(p, flow, s, now, out);
            case ChoiceValues.EDIT -> {
                // "the email is wrong", "newid y ffôn": a sentence that names one answer goes straight to it
                Optional<Step> named = in instanceof Input.Typed t && !t.text().strip().matches("[0-9]+")
                        ? reader.stepToEdit(flow, s.answers(), in) : Optional.empty();
                if (named.isPresent()) {
                    Session editing = s.at(named.get().id(), Session.Mode.EDITING, now);
                    sessions.save(editing);
                    yield ask(p, flow, editing, out);
                }
                sessions.save(s.at(null, Session.Mode.CHOOSING_EDIT, now));
                prompter.editChoices(out, flow, s.answers());
                yield out.build();
            }
            case ChoiceValues.CANCEL -> leaving.askToStop(p, flow, s, now, out);
            default -> showSummary(p, flow, s, out.problem(messages.get("summary.not-understood")));
        };
    }

    private List<Reply> choosingEdit(Participant p, FlowDefinition flow, Session s, Input in, Instant now, ReplyBuilder out) {
        Optional<Step> step = reader.stepToEdit(flow, s.answers(), in);
        if (step.isEmpty()) {
            out.problem(messages.get("summary.not-understood"));
            prompter.editChoices(out, flow, s.answers());
            return out.build();
        }
        Session editing = s.at(step.get().id(), Session.Mode.EDITING, now);
        sessions.save(editing);
        return ask(p, flow, editing, out);
    }

    /** Whether the answer may take a known detail: the "Use …" button, or what could be its label typed. */
    private boolean mayUseKnown(Step step, Input in) {
        if (step.prefill() == null) {
            return false;
        }
        if (in instanceof Input.Picked picked) {
            return picked.value().equals(ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT));
        }
        return in instanceof Input.Typed t && knownLabel.couldBe(t.text());
    }

    /** The "Use …" button's label typed instead of tapped ("use jo@example.org") picks the known detail. */
    private Input usedKnown(Step step, Input in, Map<String, String> known) {
        String value = step.prefill() == null ? null : known.get(step.prefill());
        if (value == null || !(in instanceof Input.Typed t)) {
            return in;
        }
        String shown = step.type() instanceof StepType.Phone ? PhoneReader.display(value) : value;
        Text label = messages.get("choice.use-known", shown);
        String typed = Fold.fold(t.text());
        return typed.equals(Fold.fold(label.en())) || typed.equals(Fold.fold(label.cy()))
                ? new Input.Picked(ChoiceValues.answer(step.id(), ChoiceValues.DEFAULT)) : in;
    }

    /** After "Did you mean …?" with one suggestion, a typed yes takes it and a typed no asks the question again. */
    private Optional<AnswerReader.Read> suggestionTaken(Step step, Session s, Input in) {
        Optional<String> suggested = Markers.get(s, Markers.SUGGESTED);
        if (suggested.isEmpty() || !(in instanceof Input.Typed t) || numbersAnOption(step, t.text())) {
            return Optional.empty();
        }
        return switch (reader.meaning(t.text())) {
            case YES -> Optional.of(reader.read(step, new Input.Picked(ChoiceValues.answer(step.id(), suggested.get())),
                    Map.of()));
            case NO -> Optional.of(new AnswerReader.Read.Rejected(messages.get("query.not-that")));
            default -> Optional.empty();
        };
    }

    /** "2" at a choice is its second option, not the no of a yes/no button pair. */
    private static boolean numbersAnOption(Step step, String text) {
        return (step.type() instanceof StepType.SingleChoice || step.type() instanceof StepType.MultiChoice)
                && text.strip().matches("[0-9][0-9 ,]*");
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

    /** After an edit: asks (in edit mode) the first step that now applies but is unanswered, else the summary. */
    private List<Reply> resumeAfterEdit(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out) {
        Map<String, String> applicable = flow.applicableAnswers(s.answers());
        Optional<Step> missing = flow.steps().stream()
                .filter(st -> st.appliesTo(applicable) && !applicable.containsKey(st.id())).findFirst();
        if (missing.isPresent()) {
            Session asking = s.at(missing.get().id(), Session.Mode.EDITING, now);
            sessions.save(asking);
            return ask(p, flow, asking, out);
        }
        return showSummary(p, flow, s.at(null, Session.Mode.CONFIRMING, now), out);
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
        return showSummary(p, flow, s.at(null, Session.Mode.CONFIRMING, now), out);
    }

    /** Completes the flow; starts the one its action names next (e.g. asking for an emailed code) in the same turn. */
    private List<Reply> complete(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out) {
        Optional<FlowDefinition> next = completer.finish(p, flow, s, out);
        return next.isPresent() ? start(p, next.get(), now, out) : out.build();
    }

    private List<Reply> showSummary(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        sessions.save(s);
        prompter.summary(out, flow, s.answers());
        Markers.get(s, Markers.OFFER).flatMap(prompter::menuDestination).ifPresent(o -> out.offer(o.value(), o.label()));
        return out.build();
    }

    private List<Reply> ask(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        Step step = flow.step(s.stepId()).orElseThrow();
        Optional<Step.Implied> implied = step.impliedBy(s.answers())
                .filter(i -> !Markers.get(s, Markers.NOT_THAT).orElse("").equals(step.id() + ":" + i.option().value()));
        implied.ifPresent(i -> sessions.save(Markers.note(s, Markers.SUGGESTED, i.option().value())));
        prompter.ask(out, step, known(p, step), implied);
        return out.build();
    }

    /** Known details, looked up only for a step that offers one as its default. */
    private Map<String, String> known(Participant p, Step step) {
        return step.prefill() == null ? Map.of() : known(p);
    }

    private Map<String, String> known(Participant p) {
        Map<String, String> all = new java.util.HashMap<>();
        knownDetails.forEach(k -> all.putAll(k.of(p)));
        return all;
    }

    private static List<String> stale(FlowDefinition flow, Map<String, String> answers) {
        Map<String, String> applicable = flow.applicableAnswers(answers);
        return answers.keySet().stream().filter(id -> !applicable.containsKey(id) && !id.startsWith("_")).toList();
    }
}
