package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;

/** What someone answered, from any channel: yes/no/maybe and, when coming, their needs. */
record RsvpAnswers(Rsvp.Answer answer, @Nullable String accessNeeds, boolean translation, @Nullable String dietary,
                   @Nullable String name, @Nullable String email) {

    static RsvpAnswers of(Rsvp.Answer answer) {
        return new RsvpAnswers(answer, null, false, null, null, null);
    }
}
