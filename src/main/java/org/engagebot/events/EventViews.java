package org.engagebot.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The staff API's JSON shapes for events; times are ISO-8601 with the UK offset of the moment. */
public final class EventViews {
    private EventViews() {
    }

    public static String iso(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(EventRequest.ZONE)
                .toOffsetDateTime());
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EventView(long id, String reference, Text title, Text description, String startsAt, String endsAt,
                     @Nullable String place, @Nullable Text access, @Nullable String online, @Nullable Integer capacity,
                     Audience audience, String questionsCloseAt, boolean needsTranslation, @Nullable String invitedAt,
                     Map<String, Long> invitations, Map<String, Long> rsvps, long waitlisted, long attended,
                     long questions, long questionsAnswered, @Nullable String notes, @Nullable String recordingUrl,
                     @Nullable Text feedback, String page, String rsvpForm, String questionForm) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contact(@Nullable String name, @Nullable String email, @Nullable String telegram) {
        public static Contact of(Person p) {
            return new Contact(p.name(), p.email(), p.telegram());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RsvpView(long id, Contact contact, @Nullable String channel, String answer, @Nullable String needs,
                    boolean translation, @Nullable String dietary, boolean waitlisted, @Nullable Long waitlistPosition,
                    @Nullable Boolean attended, @Nullable String language, String answeredAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QuestionView(long id, Contact contact, @Nullable String channel, String text, @Nullable String theme,
                        boolean late, boolean answered, @Nullable String language, String receivedAt) {
        public static QuestionView of(Question q) {
            return new QuestionView(q.id(), Contact.of(q.person()), q.person().via(), q.text(), q.theme(), q.late(),
                    q.answeredAt() != null, q.person().language() == null ? null : q.person().language().code(),
                    iso(q.receivedAt()));
        }
    }
}
