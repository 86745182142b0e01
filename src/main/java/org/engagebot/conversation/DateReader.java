package org.engagebot.conversation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as people type them in the UK: 5/3/2027, 05-03-2027, 2027-03-05, 5 March 2027, 5 mawrth 2027
 * (month names in English or Welsh, any case). Impossible dates such as 31/02/2027 are refused, not rounded.
 */
final class DateReader {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            format("d/M/uuuu", Locale.UK),
            format("d-M-uuuu", Locale.UK),
            format("d.M.uuuu", Locale.UK),
            format("d MMMM uuuu", Locale.UK),
            format("d MMM uuuu", Locale.UK),
            format("d MMM uuuu", Locale.US));
    private static final Map<String, String> WELSH_MONTHS = Map.ofEntries(Map.entry("ionawr", "January"),
            Map.entry("chwefror", "February"), Map.entry("mawrth", "March"), Map.entry("ebrill", "April"),
            Map.entry("mai", "May"), Map.entry("mehefin", "June"), Map.entry("gorffennaf", "July"),
            Map.entry("awst", "August"), Map.entry("medi", "September"), Map.entry("hydref", "October"),
            Map.entry("tachwedd", "November"), Map.entry("rhagfyr", "December"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

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

    private static DateTimeFormatter format(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate parse(String text) {
        String cleaned = englishMonths(text.strip().replaceAll("(?i)(\\d)(st|nd|rd|th)", "$1"));
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String englishMonths(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, WELSH_MONTHS.getOrDefault(m.group().toLowerCase(Locale.ROOT), m.group()));
        }
        return m.appendTail(out).toString();
    }
}
