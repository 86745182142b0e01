package org.engagebot.consultations;

import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;

/** A validated request to create a consultation; {@code needsTranslation} when any text came as one plain string. */
record NewConsultation(Text title, Text summary, Text canChange, Text cannotChange, Text shortReason,
                       List<Question> questions, Audience audience, Instant opensAt, Instant closesAt,
                       boolean needsTranslation) {
}
