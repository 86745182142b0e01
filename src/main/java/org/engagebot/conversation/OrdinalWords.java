package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days of the month said as ordinals in words, English or Welsh ("the fifteenth of March", "twenty-first",
 * "y pymthegfed o Fawrth", "yr unfed ar hugain"), as the digits the date reader takes ("15"). Stateless.
 */
final class OrdinalWords {
    private static final String[] ENGLISH = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth"};
    /** The traditional Welsh ordinals 1 to 31 (the forms used for days of the month). */
    private static final String[] WELSH = {"cyntaf", "ail", "trydydd", "pedwerydd", "pumed", "chweched", "seithfed",
            "wythfed", "nawfed", "degfed", "unfed ar ddeg", "deuddegfed", "trydydd ar ddeg", "pedwerydd ar ddeg",
            "pymthegfed", "unfed ar bymtheg", "ail ar bymtheg", "deunawfed", "pedwerydd ar bymtheg", "ugeinfed",
            "unfed ar hugain", "ail ar hugain", "trydydd ar hugain", "pedwerydd ar hugain", "pumed ar hugain",
            "chweched ar hugain", "seithfed ar hugain", "wythfed ar hugain", "nawfed ar hugain", "degfed ar hugain",
            "unfed ar ddeg ar hugain"};
    private static final Map<String, Integer> DAYS = days();
    private static final Pattern ANY = pattern();

    private OrdinalWords() {
    }

    /** The text with each ordinal said in words written in digits. */
    static String asDigits(String text) {
        Matcher m = ANY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s-]+", " ");
            m.appendReplacement(out, String.valueOf(DAYS.get(key)));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, Integer> days() {
        Map<String, Integer> days = new LinkedHashMap<>();
        for (int i = 0; i < ENGLISH.length; i++) {
            days.put(ENGLISH[i], i + 1);
        }
        for (int i = 0; i < 9; i++) {
            days.put("twenty " + ENGLISH[i], 21 + i);
        }
        days.put("thirtieth", 30);
        days.put("thirty first", 31);
        for (int i = 0; i < WELSH.length; i++) {
            days.put(WELSH[i], i + 1);
        }
        days.put("gyntaf", 1);
        days.put("trydedd", 3);
        return days;
    }

    private static Pattern pattern() {
        List<String> keys = new ArrayList<>(DAYS.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        List<String> alternatives = keys.stream().map(k -> Pattern.quote(k).replace(" ", "\\E[\\s-]+\\Q")).toList();
        return Pattern.compile("(?iu)(?<!\\p{L})(?:" + String.join("|", alternatives) + ")(?!\\p{L})");
    }
}
