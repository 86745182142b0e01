package org.engagebot.conversation;

/** A flow file is wrong; the message names the file, the line and what is wrong. Stops start-up. */
public class FlowDefinitionException extends RuntimeException {
    public FlowDefinitionException(String message) {
        super(message);
    }
}
