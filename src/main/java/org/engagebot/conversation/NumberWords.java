package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Option numbers said in words, English or Welsh (radical or mutated: "un a thri", "y ddau", "rhif pedwar"), cardinal
 * or ordinal ("the second one", "yr ail"), as the digits the choice readers take. Only a part made of numbers and
 * the words around them ("number", "rhif", "option") is read; any other word and it is no list of numbers. Stateless.
 */
final class NumberWords {
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("un", 1), Map.entry("dau", 2), Map.entry("ddau", 2), Map.entry("dwy", 2), Map.entry("ddwy", 2),
            Map.entry("tri", 3), Map.entry("dri", 3), Map.entry("thri", 3), Map.entry("tair", 3), Map.entry("dair", 3),
            Map.entry("thair", 3), Map.entry("pedwar", 4), Map.entry("bedwar", 4), Map.entry("phedwar", 4),
            Map.entry("pedair", 4), Map.entry("bedair", 4), Map.entry("phedair", 4), Map.entry("pump", 5),
            Map.entry("bump", 5), Map.entry("phump", 5), Map.entry("pum", 5), Map.entry("chwech", 6),
            Map.entry("chwe", 6), Map.entry("saith", 7), Map.entry("wyth", 8), Map.entry("naw", 9), Map.entry("deg", 10),
            Map.entry("cyntaf", 1), Map.entry("gyntaf", 1), Map.entry("ail", 2), Map.entry("trydydd", 3),
            Map.entry("drydydd", 3), Map.entry("trydedd", 3), Map.entry("pedwerydd", 4), Map.entry("bedwerydd", 4),
            Map.entry("pumed", 5), Map.entry("bumed", 5), Map.entry("chweched", 6));
    private static final Set<String> ORDINALS = Set.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "cyntaf", "gyntaf", "ail", "trydydd", "drydydd", "trydedd", "pedwerydd", "bedwerydd", "pumed",
            "bumed", "chweched");
    private static final Set<String> AROUND = Set.of("number", "numbers", "rhif", "rhifau", "option", "options",
            "opsiwn", "the", "y", "yr", "r", "please", "plis", "diolch", "thanks");

    private NumberWords() {
    }

    /** The digit (1–9) a cardinal number word says, radical or mutated ("saith", "dri", "bump"); else null. */
    static Integer digit(String word) {
        Integer n = NUMBERS.get(word);
        return n == null || n > 9 || ORDINALS.contains(word) ? null : n;
    }

    /** The words with numbers said in words as digits, when the words are only numbers; otherwise as they were. */
    static List<String> asDigits(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        boolean anyNumber = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean afterOrdinal = i > 0 && (ORDINALS.contains(words.get(i - 1)) || words.get(i - 1).matches("\\d+\\p{L}+"));
            if ((w.equals("one") || w.equals("un")) && afterOrdinal) {
                continue; // "the second one", "yr ail un"
            }
            if (w.matches("\\d{1,3}")) {
                out.add(w);
                anyNumber = true;
            } else if (w.matches("\\d{1,3}(?:st|nd|rd|th|af|il|ydd|ed|fed|ain|eg)")) {
                out.add(w.replaceAll("\\D", ""));
                anyNumber = true;
            } else if (NUMBERS.containsKey(w)) {
                out.add(String.valueOf(NUMBERS.get(w)));
                anyNumber = true;
            } else if (!AROUND.contains(w)) {
                return words;
            }
        }
        return anyNumber ? out : words;
    }
}
