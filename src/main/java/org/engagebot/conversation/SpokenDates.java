package org.engagebot.conversation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a day said in words, relative to today: "today", "yfory", "ddoe", "Friday", "dydd Gwener", "nos Wener",
 * "this Friday", "next Tuesday", "dydd Llun nesaf", "last Monday". Nothing but such words (and courtesy) may be
 * there, so "next week" or "end of the month" are no day. A weekday that could mean two days is ambiguous rather
 * than guessed: "next Friday" said on a Wednesday may be this week's or next week's, and "Wednesday" said on a
 * Wednesday today's or next week's; a wrong date stored is worse than asking again. Stateless.
 */
final class SpokenDates {
    /** The day meant, or {@code ambiguous} (date null) when a weekday could mean two days. */
    record Reading(LocalDate date, boolean ambiguous) {
    }

    private static final Map<String, Integer> OFFSETS = Map.ofEntries(Map.entry("today", 0), Map.entry("heddiw", 0),
            Map.entry("tonight", 0), Map.entry("heno", 0), Map.entry("tomorrow", 1), Map.entry("yfory", 1),
            Map.entry("fory", 1), Map.entry("tmrw", 1), Map.entry("tmw", 1), Map.entry("drennydd", 2),
            Map.entry("yesterday", -1), Map.entry("ddoe", -1), Map.entry("neithiwr", -1));
    /** English names and short forms, Welsh names (radical and soft-mutated) read only after dydd / ddydd / nos. */
    static final Map<String, DayOfWeek> ENGLISH = Map.ofEntries(Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("weds", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY));
    static final Map<String, DayOfWeek> WELSH = Map.ofEntries(Map.entry("llun", DayOfWeek.MONDAY),
            Map.entry("lun", DayOfWeek.MONDAY), Map.entry("mawrth", DayOfWeek.TUESDAY),
            Map.entry("fawrth", DayOfWeek.TUESDAY), Map.entry("mercher", DayOfWeek.WEDNESDAY),
            Map.entry("fercher", DayOfWeek.WEDNESDAY), Map.entry("iau", DayOfWeek.THURSDAY),
            Map.entry("gwener", DayOfWeek.FRIDAY), Map.entry("wener", DayOfWeek.FRIDAY),
            Map.entry("sadwrn", DayOfWeek.SATURDAY), Map.entry("sul", DayOfWeek.SUNDAY));
    static final Set<String> WELSH_DAY = Set.of("dydd", "ddydd", "nos");
    private static final Set<String> NEXT = Set.of("next", "nesaf", "nesa", "nesá");
    private static final Set<String> LAST = Set.of("last", "diwethaf", "diwetha", "dwetha", "dwethaf");
    private static final Set<String> AROUND = Set.of("on", "this", "the", "coming", "ar", "y", "yr", "yma", "ma", "hwn",
            "it", "its", "is", "will", "be", "was", "mae", "n", "bydd", "fydd", "roedd", "please", "plis", "thanks",
            "diolch", "night", "evening", "morning", "afternoon", "bore", "pnawn", "prynhawn");

    private SpokenDates() {
    }

    /** Days said in several words, counted from today: "the day after tomorrow", "a week today", "wythnos i fory". */
    private static final Map<String, Integer> PHRASES = Map.ofEntries(Map.entry("day after tomorrow", 2),
            Map.entry("day before yesterday", -2), Map.entry("a week today", 7), Map.entry("week today", 7),
            Map.entry("a week tomorrow", 8), Map.entry("week tomorrow", 8), Map.entry("a fortnight today", 14),
            Map.entry("fortnight today", 14), Map.entry("wythnos i heddiw", 7), Map.entry("wythnos i fory", 8),
            Map.entry("wythnos i yfory", 8), Map.entry("pythefnos i heddiw", 14), Map.entry("echdoe", -2),
            Map.entry("tradwy", 3));

    /** The day the words say, empty when they are not (only) a spoken day. */
    static Optional<Reading> read(String text, LocalDate today, boolean backwards) {
        List<String> words = Fold.words(text);
        if (words.isEmpty() || words.size() > 8) {
            return Optional.empty();
        }
        Integer said = PHRASES.get(String.join(" ", words.stream().filter(w -> !AROUND.contains(w)).toList()));
        if (said != null) {
            return Optional.of(new Reading(today.plusDays(said), false));
        }
        Integer offset = null;
        DayOfWeek day = null;
        int direction = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (OFFSETS.containsKey(w) && offset == null && day == null) {
                offset = OFFSETS.get(w);
            } else if (ENGLISH.containsKey(w) && day == null && offset == null) {
                day = ENGLISH.get(w);
            } else if (WELSH_DAY.contains(w) && i + 1 < words.size() && WELSH.containsKey(words.get(i + 1))
                    && day == null && offset == null) {
                day = WELSH.get(words.get(++i));
            } else if (NEXT.contains(w) && direction == 0) {
                direction = 1;
            } else if (LAST.contains(w) && direction == 0) {
                direction = -1;
            } else if (!AROUND.contains(w)) {
                return Optional.empty();
            }
        }
        if (offset != null) {
            return direction == 0 ? Optional.of(new Reading(today.plusDays(offset), false)) : Optional.empty();
        }
        return day == null ? Optional.empty() : Optional.of(weekday(day, direction, today, backwards));
    }

    private static Reading weekday(DayOfWeek day, int direction, LocalDate today, boolean backwards) {
        boolean back = direction < 0 || (direction == 0 && backwards);
        LocalDate date = today;
        do {
            date = date.plusDays(back ? -1 : 1);
        } while (date.getDayOfWeek() != day);
        boolean sameWeek = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        boolean ambiguous = direction != 0 ? sameWeek : today.getDayOfWeek() == day;
        return ambiguous ? new Reading(null, true) : new Reading(date, false);
    }
}
