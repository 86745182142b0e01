package org.engagebot.conversation;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hands a confirmed flow's answers to its action and ends the session (or starts the flow the action names next). */
@Singleton
public class FlowCompleter {
    private final Map<String, FlowAction> actions;
    private final SessionStore sessions;
    private final FlowRegistry flows;

    public FlowCompleter(List<FlowAction> actions, SessionStore sessions) {
        this(actions, sessions, null);
    }

    @Inject
    public FlowCompleter(List<FlowAction> actions, SessionStore sessions, FlowRegistry flows) {
        this.actions = actions.stream().collect(Collectors.toMap(FlowAction::name, Function.identity()));
        checkQualifiers(actions);
        this.sessions = sessions;
        this.flows = flows;
    }

    /** Start-up checked the flows by the actions' {@code @Named} qualifiers (FlowActionNames): each must be name(). */
    private static void checkQualifiers(List<FlowAction> actions) {
        for (FlowAction action : actions) {
            Class<?> type = action.getClass();
            jakarta.inject.Named named = type.getAnnotation(jakarta.inject.Named.class);
            if (named == null && type.getSuperclass() != null) { // an AOP subclass: the annotation is on its parent
                named = type.getSuperclass().getAnnotation(jakarta.inject.Named.class);
            }
            if (named != null && !named.value().equals(action.name())) {
                throw new IllegalStateException(type.getName() + " is @Named(\"" + named.value()
                        + "\") but its name() is " + action.name());
            }
        }
    }

    /**
     * Completes a flow from answers gathered outside the step-by-step engine (an email form, already validated):
     * runs its action inside the caller's transaction, ends the session and returns what to say. A flow the action
     * names next is left waiting at its first step for the next message.
     */
    public List<Reply> submit(Participant p, FlowDefinition flow, Map<String, String> answers, java.time.Instant now) {
        return submit(p, flow, answers, now, null);
    }

    /** As {@link #submit(Participant, FlowDefinition, Map, java.time.Instant)}, for a channel that proved the participant's own address. */
    public List<Reply> submit(Participant p, FlowDefinition flow, Map<String, String> answers, java.time.Instant now,
                              String addressProof) {
        Session s = new Session(p.id(), flow.id(), null, Session.Mode.CONFIRMING, answers, List.of(), now, now);
        ReplyBuilder out = new ReplyBuilder(p.language());
        finish(p, flow, s, out, addressProof).ifPresent(f -> f.steps().stream().findFirst().ifPresent(first ->
                sessions.save(Session.start(p.id(), f.id(), now).at(first.id(), Session.Mode.ASKING, now))));
        return out.build();
    }

    /** Runs the action and ends the session; says its messages; answers the flow it names to start next, if any. */
    Optional<FlowDefinition> finish(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        return finish(p, flow, s, out, null);
    }

    private Optional<FlowDefinition> finish(Participant p, FlowDefinition flow, Session s, ReplyBuilder out, String addressProof) {
        FlowAction action = actions.get(flow.action());
        if (action == null) {
            throw new IllegalStateException("No action " + flow.action() + " for flow " + flow.id());
        }
        Map<String, String> answers = flow.applicableAnswers(s.answers());
        sessions.delete(p.id());
        FlowAction.Outcome outcome = action.complete(new FlowAction.Completion(p, flow, answers, addressProof));
        outcome.messages().forEach(outcome.problem() ? out::problem : out::say);
        return next(outcome);
    }

    private Optional<FlowDefinition> next(FlowAction.Outcome outcome) {
        return outcome.then() == null || flows == null ? Optional.empty() : flows.find(outcome.then());
    }
}
