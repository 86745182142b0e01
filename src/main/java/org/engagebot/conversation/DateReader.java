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
 * (month names in English or Welsh, any case, Welsh short forms "Ebr", "Gorff"), "April 1, 2027", "1/4/27" (a two-digit
 * year is 1950–2049), with a weekday ("dydd Iau", "Thursday") or ordinal ("1af", "5ed", "1st") beside it. Impossible
 * dates such as 31/02/2027 are refused, not rounded.
 */
final class DateReader {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            format("d/M/uuuu", Locale.UK),
            format("d-M-uuuu", Locale.UK),
            format("d.M.uuuu", Locale.UK),
            format("d MMMM uuuu", Locale.UK),
            format("d MMM uuuu", Locale.UK),
            format("d MMM uuuu", Locale.US),
            twoDigitYear("/"), twoDigitYear("-"), twoDigitYear("."));
    private static final Map<String, String> WELSH_MONTHS = Map.ofEntries(Map.entry("ionawr", "January"),
            Map.entry("chwefror", "February"), Map.entry("mawrth", "March"), Map.entry("ebrill", "April"),
            Map.entry("mai", "May"), Map.entry("mehefin", "June"), Map.entry("gorffennaf", "July"),
            Map.entry("awst", "August"), Map.entry("medi", "September"), Map.entry("hydref", "October"),
            Map.entry("tachwedd", "November"), Map.entry("rhagfyr", "December"));
    private static final Map<String, String> WELSH_SHORT = Map.ofEntries(Map.entry("ion", "ionawr"),
            Map.entry("chwef", "chwefror"), Map.entry("maw", "mawrth"), Map.entry("ebr", "ebrill"),
            Map.entry("meh", "mehefin"), Map.entry("gorff", "gorffennaf"), Map.entry("gorf", "gorffennaf"),
            Map.entry("aws", "awst"), Map.entry("hyd", "hydref"), Map.entry("tach", "tachwedd"),
            Map.entry("rhag", "rhagfyr"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** "dydd Llun", "Thursday", "Thu": a weekday named beside the date says nothing the date does not. */
    private static final Pattern WEEKDAY = Pattern.compile("(?iu)\\bdydd\\s+\\p{L}+|\\b(?:monday|tuesday|wednesday|thursday"
            + "|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)\\b\\.?");
    /** English (1st, 2nd) and Welsh (1af, 2il, 3ydd, 5ed, 7fed, 20ain) ordinals. */
    private static final Pattern ORDINAL = Pattern.compile("(?iu)(\\d)(?:st|nd|rd|th|af|il|ydd|ed|fed|ain|eg)\\b");
    /** "April 1 2027": the month first. */
    private static final Pattern MONTH_FIRST = Pattern.compile("^(\\p{L}+)\\s+(\\d{1,2})\\s+(\\d{4})$");

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

    private static DateTimeFormatter twoDigitYear(String separator) {
        return new DateTimeFormatterBuilder().appendPattern("d" + separator + "M" + separator)
                .appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1950).toFormatter(Locale.UK)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate parse(String text) {
        String cleaned = englishMonths(normalise(text));
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** Without weekday, ordinal endings, commas, emoji or a closing full stop; the month moved after the day. */
    private static String normalise(String text) {
        String s = WEEKDAY.matcher(text).replaceAll(" ");
        s = ORDINAL.matcher(s).replaceAll("$1");
        s = s.replaceAll("[^\\p{L}\\d/.\\-]+", " ").strip().replaceAll("[.\\-/]+$", "").replaceAll("^[.\\-/]+", "").strip();
        Matcher m = MONTH_FIRST.matcher(s);
        return m.matches() ? m.group(2) + " " + m.group(1) + " " + m.group(3) : s;
    }

    private static String englishMonths(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            m.appendReplacement(out, WELSH_MONTHS.getOrDefault(WELSH_SHORT.getOrDefault(word, word), m.group()));
        }
        return m.appendTail(out).toString();
    }
}
