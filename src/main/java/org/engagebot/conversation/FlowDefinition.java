package org.engagebot.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow loaded from conversations/*.yaml (or generated, e.g. from a consultation's questions).
 * Steps are addressed by their stable id, never by position, so a redeploy cannot shift live sessions.
 *
 * @param commands  slash commands that start it (without the slash)
 * @param keywords  free-text words that start it when no conversation is under way
 * @param menu      whether /start's menu offers it
 * @param confirm   whether a summary with "change an answer" is shown before completing
 * @param action    name of the {@link FlowAction} that receives the answers
 * @param fallback  when not null, free text sent outside a conversation starts this flow as its first answer,
 *                  and this is said before the summary (e.g. "I can pass this on to the office")
 */
public record FlowDefinition(String id, String source, Text title, Text intro, List<String> commands,
                             List<String> keywords, boolean menu, boolean confirm, String action,
                             List<Step> steps, Text fallback) {

    public FlowDefinition {
        commands = List.copyOf(commands);
        keywords = List.copyOf(keywords);
        steps = List.copyOf(steps);
    }

    public FlowDefinition(String id, String source, Text title, Text intro, List<String> commands,
                          List<String> keywords, boolean menu, boolean confirm, String action, List<Step> steps) {
        this(id, source, title, intro, commands, keywords, menu, confirm, action, steps, null);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /**
     * The answers that count, in step order: those of steps whose condition holds on the answers that count
     * before them. An answer left over from an earlier branch (or depending on one) is not among them.
     */
    public Map<String, String> applicableAnswers(Map<String, String> answers) {
        Map<String, String> applicable = new LinkedHashMap<>();
        for (Step step : steps) {
            if (answers.containsKey(step.id()) && step.appliesTo(applicable)) {
                applicable.put(step.id(), answers.get(step.id()));
            }
        }
        return applicable;
    }

    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
