package org.engagebot.conversation;

import java.util.List;
import java.util.Objects;
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

    /** Zero as people say it in a phone number; 1–9 are {@link NumberWords#digit}'s (radical or mutated Welsh). */
    private static final Set<String> ZERO = Set.of("zero", "oh", "o", "nought", "dim", "sero");
    private static final Set<String> REPEAT = Set.of("double", "dwbl", "triple", "treble");

    /** The number in digits when the text is only digits said in words (seven or more of them); else the text. */
    static String spokenDigits(String text) {
        List<String> words = Fold.words(text);
        StringBuilder digits = new StringBuilder();
        int times = 1;
        for (String w : words) {
            if (REPEAT.contains(w)) {
                times = w.equals("double") || w.equals("dwbl") ? 2 : 3;
            } else if (said(w) != null || w.matches("\\d+")) {
                digits.append(Objects.requireNonNullElse(said(w), w).repeat(times));
                times = 1;
            } else {
                return text;
            }
        }
        return words.stream().filter(w -> said(w) != null).count() >= 7 ? digits.toString() : text;
    }

    /** The digit a word says, or null. */
    private static String said(String word) {
        Integer n = ZERO.contains(word) ? Integer.valueOf(0) : NumberWords.digit(word);
        return n == null ? null : n.toString();
    }
}
