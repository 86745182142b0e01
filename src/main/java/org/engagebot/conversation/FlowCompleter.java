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
