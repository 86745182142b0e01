package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The radical forms a mutated Welsh word may come from, so that a place or word listed once is recognised however
 * the sentence mutated it: nasal ("yng Nghaergybi", "ym Mhrestatyn", "yn Nhreffynnon", "ym Miwmares"), soft
 * ("o Wynedd", "i Fangor", "dros Ddinbych") and aspirate ("a Phwllheli", "a thri"). Works on folded words
 * ({@link Fold}). Stateless.
 */
public final class WelshMutations {
    /** Words after which a mutation is expected: prepositions, "yn", "a", possessives, "sir". */
    static final Set<String> TRIGGERS = Set.of("yn", "ym", "yng", "i", "o", "a", "ac", "gyda", "efo", "tua", "ar", "am",
            "at", "dros", "drwy", "trwy", "heb", "hyd", "tan", "wrth", "gan", "fy", "ei", "sir", "ardal");

    private WelshMutations() {
    }

    /** The radical forms the folded word could be a mutation of (empty when it cannot be one). */
    static List<String> radicals(String w) {
        List<String> out = new ArrayList<>(3);
        if (w.length() < 3) {
            return out;
        }
        if (w.startsWith("ngh")) {
            out.add("c" + w.substring(3));
        } else if (w.startsWith("ng")) {
            out.add("g" + w.substring(2));
        } else if (w.startsWith("mh")) {
            out.add("p" + w.substring(2));
        } else if (w.startsWith("nh")) {
            out.add("t" + w.substring(2));
        } else if (w.startsWith("ch")) {
            out.add("c" + w.substring(2));
        } else if (w.startsWith("ph")) {
            out.add("p" + w.substring(2));
        } else if (w.startsWith("th")) {
            out.add("t" + w.substring(2));
        } else if (w.startsWith("dd")) {
            out.add("d" + w.substring(2));
        } else if (w.startsWith("ll") || w.startsWith("rh")) {
            return out;
        } else {
            switch (w.charAt(0)) {
                case 'm' -> out.add("b" + w.substring(1));
                case 'n' -> out.add("d" + w.substring(1));
                case 'g' -> out.add("c" + w.substring(1));
                case 'b' -> out.add("p" + w.substring(1));
                case 'd' -> out.add("t" + w.substring(1));
                case 'f' -> {
                    out.add("b" + w.substring(1));
                    out.add("m" + w.substring(1));
                }
                case 'l' -> out.add("l" + w);
                case 'r' -> out.add("rh" + w.substring(1));
                default -> {
                }
            }
            if ("aeiouwy".indexOf(w.charAt(0)) >= 0 || w.charAt(0) == 'l' || w.charAt(0) == 'r') {
                out.add("g" + w);
            }
        }
        return out;
    }

    /**
     * The other direction: a word as said after "yn" or another soft-mutation trigger ("Bodlon iawn" → "fodlon iawn",
     * "Rwy'n fodlon iawn"), its first letters softly mutated and the rest kept as written; unchanged when it cannot
     * mutate.
     */
    public static String softMutated(String welsh) {
        String lower = welsh.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dd")) {
            return welsh;
        }
        for (String[] m : SOFT) {
            if (lower.startsWith(m[0])) {
                return m[1] + welsh.substring(m[0].length());
            }
        }
        return welsh;
    }

    private static final String[][] SOFT = {{"ll", "l"}, {"rh", "r"}, {"b", "f"}, {"c", "g"}, {"d", "dd"}, {"g", ""},
            {"m", "f"}, {"p", "b"}, {"t", "d"}};
}
