package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Hands a confirmed flow's answers to its action and ends the session. */
@Singleton
public class FlowCompleter {
    private final Map<String, FlowAction> actions;
    private final SessionStore sessions;

    public FlowCompleter(List<FlowAction> actions, SessionStore sessions) {
        this.actions = actions.stream().collect(Collectors.toMap(FlowAction::name, Function.identity()));
        this.sessions = sessions;
    }

    /**
     * Completes a flow from answers gathered outside the step-by-step engine (an email form, already validated):
     * runs its action inside the caller's transaction, ends the session and returns what to say.
     */
    public List<Reply> submit(Participant p, FlowDefinition flow, Map<String, String> answers, java.time.Instant now) {
        Session s = new Session(p.id(), flow.id(), null, Session.Mode.CONFIRMING, answers, List.of(), now, now);
        return complete(p, flow, s, new ReplyBuilder(p.language()));
    }

    List<Reply> complete(Participant p, FlowDefinition flow, Session s, ReplyBuilder out) {
        FlowAction action = actions.get(flow.action());
        if (action == null) {
            throw new IllegalStateException("No action " + flow.action() + " for flow " + flow.id());
        }
        Map<String, String> answers = flow.applicableAnswers(s.answers());
        sessions.delete(p.id());
        action.complete(new FlowAction.Completion(p, flow, answers)).messages().forEach(out::say);
        return out.build();
    }
}
