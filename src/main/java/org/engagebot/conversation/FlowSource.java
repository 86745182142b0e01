package org.engagebot.conversation;

import java.util.Optional;

/** Flows that are not files, e.g. one generated from a consultation's questions; ids carry a prefix ("consultation-12"). */
public interface FlowSource {
    Optional<FlowDefinition> find(String flowId);
}
