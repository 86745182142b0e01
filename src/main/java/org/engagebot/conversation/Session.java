package org.engagebot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a participant is in a flow: the flow, the step id being asked (never a position), what they
 * answered so far and the steps they passed through (for /back).
 */
public record Session(long participantId, String flowId, String stepId, Mode mode, Map<String, String> answers,
                      List<String> history, Instant startedAt, Instant updatedAt) {

    public enum Mode {
        /** asking {@code stepId} in order */
        ASKING,
        /** showing the summary, waiting for confirm or change */
        CONFIRMING,
        /** the participant is picking which answer to change */
        CHOOSING_EDIT,
        /** re-asking {@code stepId}, then back to the summary */
        EDITING
    }

    public Session {
        answers = Map.copyOf(answers);
        history = List.copyOf(history);
    }

    public static Session start(long participantId, String flowId, Instant now) {
        return new Session(participantId, flowId, null, Mode.ASKING, Map.of(), List.of(), now, now);
    }

    public Session at(String step, Mode newMode, Instant now) {
        return new Session(participantId, flowId, step, newMode, answers, history, startedAt, now);
    }

    public Session answered(String step, String value, Instant now) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        next.put(step, value);
        return new Session(participantId, flowId, stepId, mode, next, history, startedAt, now);
    }

    public Session without(List<String> steps, Instant now) {
        Map<String, String> next = new LinkedHashMap<>(answers);
        steps.forEach(next::remove);
        return new Session(participantId, flowId, stepId, mode, next, history, startedAt, now);
    }

    public Session pushHistory(String step) {
        List<String> next = new ArrayList<>(history);
        next.add(step);
        return new Session(participantId, flowId, stepId, mode, answers, next, startedAt, updatedAt);
    }

    public Session popHistory() {
        List<String> next = new ArrayList<>(history);
        next.remove(next.size() - 1);
        return new Session(participantId, flowId, stepId, mode, answers, next, startedAt, updatedAt);
    }
}
