package org.engagebot.conversation;

import java.util.List;
import java.util.Set;

/**
 * A feature's answer to slash commands that are not flows (e.g. /subscribe, /consultations). Runs inside
 * the inbound transaction. May ask the engine to start a flow, e.g. one generated for a consultation.
 */
public interface CommandHandler {

    Set<String> commands();

    Result handle(Participant participant, String command, String argument);

    /** Entries this feature adds to the /start menu: a command as value ("/consultations") and its label. */
    default List<Option> menuEntries() {
        return List.of();
    }

    /** Messages to send, buttons to offer with the last one, and optionally a flow to start afterwards. */
    record Result(List<Text> messages, List<Option> choices, String startFlow) {
        public static Result say(Text... messages) {
            return new Result(List.of(messages), List.of(), null);
        }

        public static Result startFlow(String flowId, Text... preface) {
            return new Result(List.of(preface), List.of(), flowId);
        }
    }
}
