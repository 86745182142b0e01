package org.engagebot.staff.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How every console page shows a time: in the office's zone (Europe/London), for people ("Tue 4 Mar 2027, 10:30").
 * Pages reach it as {@code ${time.at(x)}}; CSVs use {@link #iso} (ISO-8601 with the offset) instead.
 */
public final class ConsoleTime {
    public static final ZoneId OFFICE = ZoneId.of("Europe/London");
    /** Locale.ENGLISH, not UK: the JDK's en-GB data abbreviates September to "Sept". */
    private static final DateTimeFormatter PEOPLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final ConsoleTime INSTANCE = new ConsoleTime();

    private ConsoleTime() {
    }

    /** A time for people; an empty string for none; anything that is not a time is shown as it is. */
    public String at(Object value) {
        ZonedDateTime z = zoned(value);
        return z == null ? (value == null ? "" : value.toString()) : PEOPLE.format(z);
    }

    /** The day only ("Tue 4 Mar 2027"). */
    public String day(Object value) {
        ZonedDateTime z = zoned(value);
        return z == null ? (value == null ? "" : value.toString()) : DAY.format(z);
    }

    /** For CSV cells: ISO-8601 with the office's offset, e.g. 2027-03-04T10:30:00Z in winter, +01:00 in summer. */
    public static String iso(Instant at) {
        return at == null ? "" : OffsetDateTime.ofInstant(at, OFFICE).toString();
    }

    public static String people(Instant at) {
        return INSTANCE.at(at);
    }

    private static ZonedDateTime zoned(Object value) {
        if (value instanceof Instant i) {
            return i.atZone(OFFICE);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(OFFICE);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(OFFICE);
        }
        if (value instanceof TemporalAccessor t && t.isSupported(java.time.temporal.ChronoField.INSTANT_SECONDS)) {
            return Instant.from(t).atZone(OFFICE);
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Instant.parse(s).atZone(OFFICE);
            } catch (java.time.format.DateTimeParseException notAnInstant) {
                return null;
            }
        }
        return null;
    }
}
