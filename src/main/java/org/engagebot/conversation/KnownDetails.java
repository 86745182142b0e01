package org.engagebot.conversation;

import java.util.Map;

/** What is already known about a participant (e.g. a registered contact's email), offered as step defaults. */
public interface KnownDetails {
    Map<String, String> of(Participant participant);
}
