package org.engagebot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary a flow with {@code confirm: true} ends on, and changing an answer from it: confirm completes the
 * flow, change goes to the list of answers (or straight to the one a sentence names: "the phone number is wrong"),
 * cancel asks before answers are lost, and a menu entry's name starts that entry. After a change the summary comes
 * back once every question that now applies is answered.
 */
final class SummaryScreen {
    /** Completes the flow once the participant confirms its summary. */
    @FunctionalInterface
    interface Completion {
        List<Reply> complete(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out);
    }

    private final SessionStore sessions;
    private final Prompter prompter;
    private final AnswerReader reader;
    private final Messages messages;
    private final LeavingFlow leaving;
    private final Asking asking;

    SummaryScreen(SessionStore sessions, Prompter prompter, AnswerReader reader, Messages messages, LeavingFlow leaving,
                  Asking asking) {
        this.sessions = sessions;
        this.prompter = prompter;
        this.reader = reader;
        this.messages = messages;
        this.leaving = leaving;
        this.asking = asking;
    }

    List<Reply> show(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        sessions.save(s);
        prompter.summary(out, flow, s.answers());
        Markers.get(s, Markers.OFFER).flatMap(prompter::menuDestination).ifPresent(o -> out.offer(o.value(), o.label()));
        return out.build();
    }

    /** The list of answers to change, shown again. */
    List<Reply> showEditChoices(FlowDefinition flow, Session s, ReplyBuilder out) {
        prompter.editChoices(out, flow, s.answers());
        return out.build();
    }

    /**
     * A menu entry's label typed at a summary ("Apply for a visit by the Commissioner") is that entry's command; a
     * flow with answers to lose asks first, as the command does. Anything else is returned as it came.
     */
    Input menuEntryTyped(Session s, Input in) {
        if (s.mode() != Session.Mode.CONFIRMING || !(in instanceof Input.Typed t)) {
            return in;
        }
        return prompter.menuEntry(t.text()).map(Input::fromText).orElse(in);
    }

    /** A reply to the summary. */
    List<Reply> answer(Participant p, FlowDefinition flow, Session s, Input in, Instant now, ReplyBuilder out,
                       Completion completion) {
        if (in instanceof Input.Picked picked && picked.value().startsWith(ChoiceValues.editStep(""))) {
            return chooseEdit(p, flow, s, in, now, out);
        }
        return switch (reader.summaryChoice(in)) {
            case ChoiceValues.CONFIRM -> completion.complete(p, flow, s, now, out);
            case ChoiceValues.EDIT -> {
                // "the email is wrong", "newid y ffôn": a sentence that names one answer goes straight to it
                Optional<Step> named = in instanceof Input.Typed t && !t.text().strip().matches("[0-9]+")
                        ? reader.stepToEdit(flow, s.answers(), in) : Optional.empty();
                if (named.isPresent()) {
                    yield edit(p, flow, s, named.get(), now, out);
                }
                sessions.save(s.at(null, Session.Mode.CHOOSING_EDIT, now));
                yield showEditChoices(flow, s, out);
            }
            case ChoiceValues.CANCEL -> leaving.askToStop(p, flow, s, now, out);
            default -> {
                // "the email", "ffôn": an answer's label on its own is the answer to change
                Optional<Step> named = in instanceof Input.Typed t && Fold.words(t.text()).size() <= 4
                        && !t.text().strip().matches("[0-9 ,]+") ? reader.stepToEdit(flow, s.answers(), in) : Optional.empty();
                yield named.isPresent() ? edit(p, flow, s, named.get(), now, out)
                        : show(p, flow, s, out.problem(messages.get("summary.not-understood")));
            }
        };
    }

    /** A reply to the list of answers to change: the answer picked or named. */
    List<Reply> chooseEdit(Participant p, FlowDefinition flow, Session s, Input in, Instant now, ReplyBuilder out) {
        Optional<Step> step = reader.stepToEdit(flow, s.answers(), in);
        if (step.isEmpty()) {
            out.problem(messages.get("summary.not-understood"));
            return showEditChoices(flow, s, out);
        }
        return edit(p, flow, s, step.get(), now, out);
    }

    /** A changed answer: answers that no longer apply are dropped, then {@link #resumeAfterEdit}. */
    List<Reply> changed(Participant p, FlowDefinition flow, Session edited, Instant now, ReplyBuilder out) {
        return resumeAfterEdit(p, flow, edited.without(stale(flow, edited.answers()), now), now, out);
    }

    /** Asks (in edit mode) the first question that now applies but is unanswered, else shows the summary. */
    List<Reply> resumeAfterEdit(Participant p, FlowDefinition flow, Session s, Instant now, ReplyBuilder out) {
        Map<String, String> applicable = flow.applicableAnswers(s.answers());
        Optional<Step> missing = flow.steps().stream()
                .filter(st -> st.appliesTo(applicable) && !applicable.containsKey(st.id())).findFirst();
        if (missing.isPresent()) {
            return edit(p, flow, s, missing.get(), now, out);
        }
        return show(p, flow, s.at(null, Session.Mode.CONFIRMING, now), out);
    }

    private List<Reply> edit(Participant p, FlowDefinition flow, Session s, Step step, Instant now, ReplyBuilder out) {
        Session editing = s.at(step.id(), Session.Mode.EDITING, now);
        sessions.save(editing);
        return asking.ask(p, flow, editing, out);
    }

    private static List<String> stale(FlowDefinition flow, Map<String, String> answers) {
        Map<String, String> applicable = flow.applicableAnswers(answers);
        return answers.keySet().stream().filter(id -> !applicable.containsKey(id) && !id.startsWith("_")).toList();
    }
}
