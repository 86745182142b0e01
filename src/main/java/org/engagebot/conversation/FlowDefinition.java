package org.engagebot.conversation;

import java.util.List;
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
 */
public record FlowDefinition(String id, String source, Text title, Text intro, List<String> commands,
                             List<String> keywords, boolean menu, boolean confirm, String action,
                             List<Step> steps) {

    public FlowDefinition {
        commands = List.copyOf(commands);
        keywords = List.copyOf(keywords);
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
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
