package org.engagebot.consultations;

import org.engagebot.conversation.Language;

import java.util.Locale;
import java.util.Set;

/**
 * Guesses whether a free-text reply is Welsh or English from common short words; null when the text is too
 * short or mixed to tell (the reply is then answered in both languages).
 */
final class WelshDetector {
    private static final Set<String> WELSH = Set.of("yn", "y", "yr", "ac", "a'r", "mae", "ydw", "ydy", "dim", "i'r",
            "ein", "eich", "gyda", "hefyd", "ddim", "fy", "ni", "chi", "hwn", "hon", "ar", "o'r", "am", "bod", "wedi",
            "diolch", "rydym", "rwy'n", "dylai", "mwy", "gan", "sydd", "oes", "yng", "ym", "iawn", "pobl", "ond");
    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "of", "to", "we", "you", "it", "that",
            "this", "for", "with", "should", "more", "have", "not", "our", "your", "be", "people", "but", "thanks");

    private WelshDetector() {
    }

    static Language detect(String text) {
        if (text == null) {
            return null;
        }
        int welsh = 0;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+")) {
            if (WELSH.contains(word)) {
                welsh++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (welsh >= 3 && welsh > 2 * english) {
            return Language.CY;
        }
        if (english >= 3 && english > 2 * welsh) {
            return Language.EN;
        }
        return null;
    }
}
