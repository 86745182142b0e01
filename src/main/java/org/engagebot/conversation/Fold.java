package org.engagebot.conversation;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds what people type to a form that compares as people mean it: lower case, accents removed (â → a,
 * ŵ → w), apostrophes dropped (don't → dont, rwy'n → rwyn), any other punctuation read as a space.
 */
public final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern OTHER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Fold() {
    }

    /** The folded text, words separated by single spaces. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String ascii = foldAscii(text);
        return ascii != null ? ascii : foldUnicode(text);
    }

    static String foldUnicode(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = APOSTROPHES.matcher(s).replaceAll("");
        return OTHER.matcher(s).replaceAll(" ").strip();
    }

    /**
     * The same fold for plain ASCII text without regular expressions or normalisation (most of what people type, and
     * every command and option key, which the engine folds on each message); null when the text has anything else.
     */
    static String foldAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '\'' || c == '`') {
                continue;
            }
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (!letterOrDigit) {
                gap = true;
                continue;
            }
            if (gap && out.length() > 0) {
                out.append(' ');
            }
            gap = false;
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** The folded words; empty for text with no letters or digits. */
    public static List<String> words(String text) {
        String f = fold(text);
        return f.isEmpty() ? List.of() : List.of(f.split(" "));
    }

    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    /**
     * The text with a letter typed three times or more written once ("yesss", "nooo", "Cymraeggg"): for reading short
     * answers, never names (Welsh and English words double a letter at most).
     */
    static String unstretched(String text) {
        return unstretched(text, 1);
    }

    /** As {@link #unstretched(String)}, the letter kept {@code times} times ("caifff" → "caiff" with 2). */
    static String unstretched(String text, int times) {
        return text == null ? null : STRETCHED.matcher(text).replaceAll(times == 2 ? "$1$1" : "$1");
    }

    static boolean stretched(String text) {
        return text != null && STRETCHED.matcher(text).find();
    }

    /** Like {@link #fold}, but an apostrophe separates words ("fyddai'n" → "fyddai n"), for reading Welsh questions. */
    static String foldSeparating(String text) {
        return fold(APOSTROPHES.matcher(text == null ? "" : text).replaceAll(" "));
    }
}
