package org.engagebot.conversation;

import java.util.List;
import java.util.Map;

/**
 * Receives the answers of a completed flow (the flow's {@code action}). Called inside the transaction that
 * stores the inbound message and the replies, so what it writes commits or rolls back with them.
 * Problems a participant can cause are returned as messages, not thrown.
 * <p>
 * A bean carries its name as its qualifier too, {@code @Named(NAME)} with the constant {@link #name()} returns:
 * start-up checks the flows against those names from the bean definitions ({@link FlowActionNames}), without
 * creating the actions and every service they take.
 */
public interface FlowAction {

    String name();

    Outcome complete(Completion completion);

    /**
     * The answers, and how the participant's own address was proven on the way in, when the channel proved it
     * (e.g. "reply": an email answered through a single-use token sent to that address); null for every other path.
     */
    record Completion(Participant participant, FlowDefinition flow, Map<String, String> answers, String addressProof) {
        public Completion(Participant participant, FlowDefinition flow, Map<String, String> answers) {
            this(participant, flow, answers, null);
        }

        public String answer(String stepId) {
            return answers.get(stepId);
        }

        public boolean yes(String stepId) {
            return "yes".equals(answers.get(stepId));
        }
    }

    /**
     * What to say, and optionally the id of a flow to start next in the same turn (e.g. asking for the code the
     * action has just emailed), so every channel that runs flows gets the follow-up question its own way.
     */
    /**
     * What to say, and the flow to start next (or null). {@code problem}: the messages say why what was sent could not
     * be taken (a wrong code), so channels that show problems by the field (the web's error summary) show them so.
     */
    record Outcome(List<Text> messages, String then, boolean problem) {
        public Outcome(List<Text> messages) {
            this(messages, null, false);
        }

        public Outcome(List<Text> messages, String then) {
            this(messages, then, false);
        }

        public static Outcome of(Text... messages) {
            return new Outcome(List.of(messages));
        }

        public static Outcome then(String flowId, Text... messages) {
            return new Outcome(List.of(messages), flowId);
        }

        /** Not taken: say why as a problem and ask again with {@code flowId}. */
        public static Outcome retry(String flowId, Text reason) {
            return new Outcome(List.of(reason), flowId, true);
        }
    }
}
