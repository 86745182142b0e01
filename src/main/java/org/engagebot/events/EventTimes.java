package org.engagebot.events;

import java.time.Instant;
import java.time.ZoneId;

/** Times as the staff API reads and writes them: ISO-8601, read with an offset or as UK local time. */
public final class EventTimes {
    public static final ZoneId ZONE = EventRequest.ZONE;

    private EventTimes() {
    }

    /** An ISO-8601 instant, offset time, UK local time or date; null when it is none of these. */
    public static Instant parse(String value) {
        return EventRequest.parseTime(value);
    }

    /** ISO-8601 with the UK offset of the moment, e.g. 2027-06-01T14:00:00+01:00. */
    public static String iso(Instant instant) {
        return EventViews.iso(instant);
    }
}
