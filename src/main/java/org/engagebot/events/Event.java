package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Text;

import java.time.Instant;

/**
 * An engagement event as stored. Participant-facing texts are bilingual; {@code access} says how to reach the
 * venue and what is there (step-free, hearing loop); {@code capacity} null means no limit. Questions are taken
 * until {@code questionsCloseAt}.
 */
public record Event(long id, String reference, Text title, Text description, Instant startsAt, Instant endsAt,
                    @Nullable String place, @Nullable Text access, @Nullable String online, @Nullable Integer capacity,
                    Audience audience, Instant questionsCloseAt, boolean needsTranslation,
                    @Nullable Instant invitedAt, @Nullable String notes, @Nullable String recordingUrl,
                    @Nullable Text feedback, @Nullable Instant feedbackAt, String createdBy, Instant createdAt) {

    /** Open for answers and questions: invited and not yet started. */
    public boolean openAt(Instant now) {
        return invitedAt != null && now.isBefore(startsAt);
    }

    public boolean takesQuestionsAt(Instant now) {
        return now.isBefore(questionsCloseAt);
    }

    public boolean over(Instant now) {
        return !now.isBefore(endsAt);
    }

    public String rsvpFlowId() {
        return EventFlows.RSVP + id;
    }

    public String questionFlowId() {
        return EventFlows.QUESTION + id;
    }
}
