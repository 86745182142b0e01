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
    private static final DateTimeFormatter PEOPLE_CY = welsh(true);
    private static final DateTimeFormatter DAY_CY = welsh(false);
    static final ConsoleTime INSTANCE = new ConsoleTime(PEOPLE, DAY);
    /** For a console read in Welsh ("Maw 4 Maw 2027, 10:30"): the usual Welsh abbreviations, not the JDK's locale data. */
    static final ConsoleTime WELSH = new ConsoleTime(PEOPLE_CY, DAY_CY);
    private final DateTimeFormatter people;
    private final DateTimeFormatter dayOnly;

    private ConsoleTime(DateTimeFormatter people, DateTimeFormatter dayOnly) {
        this.people = people;
        this.dayOnly = dayOnly;
    }

    static ConsoleTime of(String lang) {
        return "cy".equals(lang) ? WELSH : INSTANCE;
    }

    private static DateTimeFormatter welsh(boolean withTime) {
        java.util.Map<Long, String> days = new java.util.HashMap<>();
        String[] d = {"Llun", "Maw", "Mer", "Iau", "Gwe", "Sad", "Sul"};
        for (int i = 0; i < 7; i++) {
            days.put((long) i + 1, d[i]);
        }
        java.util.Map<Long, String> months = new java.util.HashMap<>();
        String[] m = {"Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"};
        for (int i = 0; i < 12; i++) {
            months.put((long) i + 1, m[i]);
        }
        java.time.format.DateTimeFormatterBuilder b = new java.time.format.DateTimeFormatterBuilder()
                .appendText(java.time.temporal.ChronoField.DAY_OF_WEEK, days).appendLiteral(' ')
                .appendValue(java.time.temporal.ChronoField.DAY_OF_MONTH).appendLiteral(' ')
                .appendText(java.time.temporal.ChronoField.MONTH_OF_YEAR, months).appendLiteral(' ')
                .appendValue(java.time.temporal.ChronoField.YEAR, 4);
        if (withTime) {
            b.appendPattern(", HH:mm");
        }
        return b.toFormatter(Locale.ROOT);
    }

    /** A time for people; an empty string for none; anything that is not a time is shown as it is. */
    public String at(Object value) {
        ZonedDateTime z = zoned(value);
        return z == null ? (value == null ? "" : value.toString()) : people.format(z);
    }

    /** The day only ("Tue 4 Mar 2027"). */
    public String day(Object value) {
        ZonedDateTime z = zoned(value);
        return z == null ? (value == null ? "" : value.toString()) : dayOnly.format(z);
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
