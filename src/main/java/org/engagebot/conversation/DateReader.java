package org.engagebot.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Reads dates as people type them in the UK: 5/3/2027, 05-03-2027, 2027-03-05, 5 March 2027. */
final class DateReader {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"),
            DateTimeFormatter.ofPattern("d.M.uuuu"),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));

    private final Clock clock;
    private final Messages messages;

    DateReader(Clock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
    }

    Validation read(StepType.Date type, String text) {
        LocalDate date = parse(text);
        if (date == null) {
            return new Validation.Invalid(messages.get("invalid.date"));
        }
        LocalDate today = LocalDate.now(clock);
        if (type.future() && date.isBefore(today)) {
            return new Validation.Invalid(messages.get("invalid.date-past"));
        }
        if (type.past() && date.isAfter(today)) {
            return new Validation.Invalid(messages.get("invalid.date-future"));
        }
        return new Validation.Valid(date.toString());
    }

    private static LocalDate parse(String text) {
        String cleaned = text.strip().replaceAll("(?i)(\\d)(st|nd|rd|th)", "$1");
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }
}
