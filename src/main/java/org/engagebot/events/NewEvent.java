package org.engagebot.events;

import org.engagebot.conversation.Text;

import java.time.Instant;

/** A valid POST /api/events, ready to store. */
record NewEvent(Text title, Text description, Instant startsAt, Instant endsAt, String place, Text access,
                String online, Integer capacity, Audience audience, Instant questionsCloseAt,
                boolean needsTranslation) {
}
