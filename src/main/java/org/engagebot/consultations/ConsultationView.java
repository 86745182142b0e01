package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A consultation for staff, with the delivery state of its invitations (outbox rows by status). */
@Serdeable
record ConsultationView(long id, String reference, Text title, Text summary, @Nullable Text canChange,
                        @Nullable Text cannotChange, @Nullable Text shortReason, List<Question> questions,
                        Audience audience, boolean needsTranslation, String status, Instant opensAt, Instant closesAt,
                        @Nullable Instant publishedAt, @Nullable Text outcome, @Nullable Instant outcomeAt,
                        String createdBy, Map<String, Long> invitations, int respondents) {

    static ConsultationView of(Consultation c, Map<String, Long> invitations, int respondents) {
        return new ConsultationView(c.id(), c.reference(), c.title(), c.summary(), c.canChange(), c.cannotChange(),
                c.shortReason(), c.questions(), c.audience(), c.needsTranslation(), c.status().name(), c.opensAt(),
                c.closesAt(), c.publishedAt(), c.outcome(), c.outcomeAt(), c.createdBy(), invitations, respondents);
    }
}
