package org.engagebot.consultations;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A consultation as stored. Participant-facing texts are bilingual; optional ones are null when not given. */
public record Consultation(long id, String reference, Text title, Text summary, @Nullable Text canChange,
                           @Nullable Text cannotChange, @Nullable Text shortReason, List<Question> questions,
                           Audience audience, boolean needsTranslation, Status status, Instant opensAt,
                           Instant closesAt, @Nullable Instant publishedAt, @Nullable Text outcome,
                           @Nullable Instant outcomeAt, String createdBy, Instant createdAt) {

    public enum Status { DRAFT, PUBLISHED }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    /** Published, and now is between opening and closing. */
    public boolean openAt(Instant now) {
        return published() && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean closedAt(Instant now) {
        return !now.isBefore(closesAt);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public String flowId() {
        return ConsultationFlows.PREFIX + id;
    }
}
