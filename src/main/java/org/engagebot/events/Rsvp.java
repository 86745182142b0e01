package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Language;

import java.time.Instant;

/** A person's answer to an invitation; {@code waitlistedSince} is set while they wait for a place. */
record Rsvp(long id, long eventId, Person person, Answer answer, @Nullable String accessNeeds, boolean translation,
            @Nullable String dietary, @Nullable Instant waitlistedSince, @Nullable Boolean attended,
            Instant answeredAt) {

    enum Answer {
        YES, NO, MAYBE;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Answer of(String value) {
            return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }

    boolean waitlisted() {
        return waitlistedSince != null;
    }

    /** Holds a place: said yes and is not waiting. */
    boolean placed() {
        return answer == Answer.YES && waitlistedSince == null;
    }

    Language language() {
        return person.language();
    }
}
