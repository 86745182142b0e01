package org.engagebot.conversation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.MonthDay;
import java.time.temporal.ChronoField;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates as people type them in the UK: 5/3/2027, 05-03-2027, 2027-03-05, 5 March 2027, 5 mawrth 2027
 * (month names in English or Welsh, any case, Welsh short forms "Ebr", "Gorff", soft-mutated "o Fawrth", "o Fai"),
 * "April 1, 2027", "the 5th of April", "1/4/27" (a two-digit year is 1950–2049), with a weekday ("dydd Iau",
 * "Thursday") or ordinal ("1af", "5ed", "1st") beside it and a time after it ("at 7pm", "am 19:00"); days said in
 * words ("tomorrow", "dydd Llun nesaf": {@link SpokenDates}). A date without a year ("15 March", "15/3") is taken
 * only where the step wants a day to come, as the next such day within six months. Impossible dates such as
 * 31/02/2027, a weekday that does not match the date, and a weekday that could mean two days are refused, not guessed.
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
    /** A day and month with no year: "15 March", "15 Mar", "15/3", "15.3". */
    private static final List<DateTimeFormatter> NO_YEAR = List.of(format("d MMMM", Locale.UK),
            format("d MMM", Locale.UK), format("d MMM", Locale.US), format("d/M", Locale.UK), format("d.M", Locale.UK));
    private static final Map<String, String> WELSH_MONTHS = Map.ofEntries(Map.entry("ionawr", "January"),
            Map.entry("chwefror", "February"), Map.entry("mawrth", "March"), Map.entry("ebrill", "April"),
            Map.entry("mai", "May"), Map.entry("mehefin", "June"), Map.entry("gorffennaf", "July"),
            Map.entry("awst", "August"), Map.entry("medi", "September"), Map.entry("hydref", "October"),
            Map.entry("tachwedd", "November"), Map.entry("rhagfyr", "December"));
    /** Short forms, and the soft mutation after "o" ("15fed o Fawrth", "2il o Fai"). */
    private static final Map<String, String> WELSH_SHORT = Map.ofEntries(Map.entry("ion", "ionawr"),
            Map.entry("chwef", "chwefror"), Map.entry("maw", "mawrth"), Map.entry("ebr", "ebrill"),
            Map.entry("meh", "mehefin"), Map.entry("gorff", "gorffennaf"), Map.entry("gorf", "gorffennaf"),
            Map.entry("aws", "awst"), Map.entry("hyd", "hydref"), Map.entry("tach", "tachwedd"),
            Map.entry("rhag", "rhagfyr"), Map.entry("fawrth", "mawrth"), Map.entry("fai", "mai"),
            Map.entry("fehefin", "mehefin"), Map.entry("orffennaf", "gorffennaf"), Map.entry("fedi", "medi"),
            Map.entry("dachwedd", "tachwedd"), Map.entry("ragfyr", "rhagfyr"));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** "dydd Llun", "nos Wener", "Thursday", "Thu": a weekday named beside the date, checked against it. */
    private static final Pattern WEEKDAY = Pattern.compile("(?iu)\\b(?:dd?ydd|nos)\\s+(\\p{L}+)|\\b(monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday|mon|tues?|weds?|thur?s?|fri|sat|sun)\\b\\.?");
    /** English (1st, 2nd) and Welsh (1af, 2il, 3ydd, 5ed, 7fed, 20ain) ordinals. */
    private static final Pattern ORDINAL = Pattern.compile("(?iu)(\\d)(?:st|nd|rd|th|af|il|ydd|ed|fed|ain|eg)\\b");
    /** A time of day after the date: "at 7pm", "am 19:00", "7.30pm", "2 o'clock", "10yb". */
    private static final Pattern TIME = Pattern.compile("(?iu)(?:\\b(?:at|am|from|o|@)\\s*)?(?:\\b\\d{1,2}(?:[:.]\\d{2})?\\s*"
            + "(?:am|pm|a\\.m\\.|p\\.m\\.|yb|yh|y\\.b\\.|y\\.h\\.)(?!\\p{L})|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}\\s*(?:o'?clock|o'r gloch)"
            + "|\\b\\d{1,2}(?:[:.]\\d{2})?\\s+(?:yr hwyr|y nos|yn y nos|y bore|yn y bore|y prynhawn|yn y prynhawn|y pnawn"
            + "|in the (?:morning|afternoon|evening)|at night)\\b)");
    /** A year written with an apostrophe: "'98" (1950–2049, as a two-digit year). */
    private static final Pattern SHORT_YEAR = Pattern.compile("['’](\\d{2})\\b");
    /** Little words around the day and month: "the 5th of April", "ar y 3ydd o Fehefin", "ym mis Mai". */
    private static final Pattern LITTLE = Pattern.compile("(?iu)(?<![\\p{L}\\d])(?:the|of|on|o|ar|y|yr|ym|mis)(?![\\p{L}\\d])");
    /** "April 1 2027", "April 1": the month first. */
    private static final Pattern MONTH_FIRST = Pattern.compile("^(\\p{L}+)\\s+(\\d{1,2})(\\s+\\d{4})?$");
    private static final int AHEAD_MONTHS = 6;

    private final Clock clock;
    private final Messages messages;

    DateReader(Clock clock, Messages messages) {
        this.clock = clock;
        this.messages = messages;
    }

    Validation read(StepType.Date type, String text) {
        LocalDate today = LocalDate.now(clock);
        Optional<SpokenDates.Reading> spoken = SpokenDates.read(text, today, type.past() && !type.future());
        if (spoken.isPresent() && spoken.get().ambiguous()) {
            return new Validation.Invalid(messages.get("invalid.date-which-week"));
        }
        LocalDate date = spoken.map(SpokenDates.Reading::date).orElse(null);
        if (date == null) {
            String cleaned = englishMonths(normalise(text));
            date = parse(cleaned);
            if (date == null) {
                MonthDay day = parseNoYear(cleaned);
                if (day == null && cleaned.matches("\\d{1,2}") && type.future() && !type.past()) {
                    day = dayOfMonth(Integer.parseInt(cleaned), today);
                }
                if (day == null) {
                    return new Validation.Invalid(messages.get("invalid.date"));
                }
                date = type.future() && !type.past() ? ahead(day, today) : null;
                if (date == null) {
                    return new Validation.Invalid(messages.get("invalid.date-year"));
                }
            }
            DayOfWeek named = weekday(text);
            if (named != null && named != date.getDayOfWeek()) {
                return new Validation.Invalid(messages.get("invalid.date-weekday"));
            }
        }
        if (type.future() && date.isBefore(today)) {
            return new Validation.Invalid(messages.get("invalid.date-past"));
        }
        if (type.past() && date.isAfter(today)) {
            return new Validation.Invalid(messages.get("invalid.date-future"));
        }
        return new Validation.Valid(date.toString());
    }

    /** "the 15th" alone: that day this month, or next month's when it has passed; null for no such day. */
    private static MonthDay dayOfMonth(int day, LocalDate today) {
        LocalDate month = day >= today.getDayOfMonth() ? today : today.plusMonths(1);
        return day >= 1 && day <= month.lengthOfMonth() ? MonthDay.of(month.getMonth(), day) : null;
    }

    /** The next such day from today, if within six months (else the year was probably meant to be said). */
    private static LocalDate ahead(MonthDay day, LocalDate today) {
        if (!day.isValidYear(today.getYear()) && !day.isValidYear(today.getYear() + 1)) {
            return null;
        }
        LocalDate date = day.isValidYear(today.getYear()) ? day.atYear(today.getYear()) : null;
        if (date == null || date.isBefore(today)) {
            date = day.atYear(today.getYear() + 1);
        }
        return date.isAfter(today.plusMonths(AHEAD_MONTHS)) ? null : date;
    }

    private static DateTimeFormatter format(String pattern, Locale locale) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.YEAR, 2000).toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
    }

    private static DateTimeFormatter twoDigitYear(String separator) {
        return new DateTimeFormatterBuilder().appendPattern("d" + separator + "M" + separator)
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1950).toFormatter(Locale.UK)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDate parse(String cleaned) {
        for (DateTimeFormatter f : FORMATS) {
            try {
                return LocalDate.parse(cleaned, f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static MonthDay parseNoYear(String cleaned) {
        for (DateTimeFormatter f : NO_YEAR) {
            try {
                return MonthDay.from(f.parse(cleaned));
            } catch (java.time.DateTimeException e) {
                // try the next format
            }
        }
        return null;
    }

    /** The weekday named in the text, null if none or several. */
    private static DayOfWeek weekday(String text) {
        Matcher m = WEEKDAY.matcher(text);
        DayOfWeek found = null;
        while (m.find()) {
            String name = Fold.fold(m.group(1) != null ? m.group(1) : m.group(2));
            DayOfWeek day = m.group(1) != null ? SpokenDates.WELSH.get(name) : SpokenDates.ENGLISH.get(name);
            if (day == null || (found != null && found != day)) {
                return null;
            }
            found = day;
        }
        return found;
    }

    /** Without weekday, time, ordinal endings, little words, commas, emoji or a closing full stop; the month after the day. */
    private static String normalise(String text) {
        String s = TIME.matcher(OrdinalWords.asDigits(text)).replaceAll(" ");
        Matcher year = SHORT_YEAR.matcher(s);
        s = year.find() ? year.replaceFirst((Integer.parseInt(year.group(1)) < 50 ? "20" : "19") + year.group(1)) : s;
        s = WEEKDAY.matcher(s).replaceAll(" ");
        s = ORDINAL.matcher(s).replaceAll("$1");
        s = LITTLE.matcher(s).replaceAll(" ");
        s = s.replaceAll("[^\\p{L}\\d/.\\-]+", " ").strip().replaceAll("[.\\-/]+$", "").replaceAll("^[.\\-/]+", "").strip();
        Matcher m = MONTH_FIRST.matcher(s);
        return m.matches() ? m.group(2) + " " + m.group(1) + (m.group(3) == null ? "" : m.group(3)) : s;
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
