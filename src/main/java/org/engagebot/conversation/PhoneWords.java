package org.engagebot.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers typed in ways libphonenumber does not read: the letter O for zero ("o1248 383ooo"; libphonenumber
 * would take a letter as a keypad digit, O as 6) and digits said in words ("zero seven seven…", "dim saith saith…").
 * Stateless.
 */
final class PhoneWords {
    private PhoneWords() {
    }

    /** A run of digits typed with the letter O for zero ("o1248 383ooo", "O7911 123456"): the O read as 0. */
    private static final Pattern WITH_O = Pattern.compile("(?<![\\p{L}\\d])[0-9oO][0-9oO \\-]{5,}[0-9oO](?![\\p{L}\\d])");

    static String letterO(String text) {
        Matcher m = WITH_O.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            long digits = run.chars().filter(Character::isDigit).count();
            m.appendReplacement(out, Matcher.quoteReplacement(digits >= 4 ? run.replaceAll("[oO]", "0") : run));
        }
        return m.appendTail(out).toString();
    }

    /** Digits said in words, English or Welsh ("zero seven seven…", "dim saith saith…", "double five"). */
    private static final Map<String, String> DIGITS = Map.ofEntries(Map.entry("zero", "0"),
            Map.entry("oh", "0"), Map.entry("o", "0"), Map.entry("nought", "0"),
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"),
            Map.entry("dim", "0"), Map.entry("sero", "0"), Map.entry("un", "1"),
            Map.entry("dau", "2"), Map.entry("tri", "3"), Map.entry("pedwar", "4"),
            Map.entry("pump", "5"), Map.entry("chwech", "6"), Map.entry("saith", "7"),
            Map.entry("wyth", "8"), Map.entry("naw", "9"));
    private static final Set<String> REPEAT = Set.of("double", "dwbl", "triple", "treble");

    /** The number in digits when the text is only digits said in words (seven or more of them); else the text. */
    static String spokenDigits(String text) {
        List<String> words = Fold.words(text);
        StringBuilder digits = new StringBuilder();
        int times = 1;
        for (String w : words) {
            if (REPEAT.contains(w)) {
                times = w.equals("double") || w.equals("dwbl") ? 2 : 3;
            } else if (DIGITS.containsKey(w) || w.matches("\\d+")) {
                digits.append((DIGITS.containsKey(w) ? DIGITS.get(w) : w).repeat(times));
                times = 1;
            } else {
                return text;
            }
        }
        return words.stream().filter(DIGITS::containsKey).count() >= 7 ? digits.toString() : text;
    }
}
