package org.engagebot.visits;

import org.engagebot.conversation.Language;

import java.time.Instant;
import java.util.Map;

/**
 * One application for a visit, as stored. {@code answers} holds the flow's answers by step id; the
 * participant is null once their channel identity has been erased; {@code language} null means both.
 */
public record VisitApplication(long id, String reference, Long participantId, Long contactId, String channel,
                               Language language, String organisation, String contactName, String email, String phone,
                               String area, Map<String, String> answers, boolean publicityAllowed, VisitStatus status,
                               Instant scheduledAt, String place, String declineReason, Instant submittedAt) {
}
