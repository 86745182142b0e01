package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits folded words into the longest known phrases of some kinds, left to right; words that start no
 * phrase come out one by one with no kind. "no problem at all" → [no problem: YES] [at] [all].
 */
final class PhraseScan {
    record Match(Vocabulary.Kind kind, int start, List<String> words) {
    }

    private record Phrase(List<String> words, Vocabulary.Kind kind) {
    }

    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

    PhraseScan(Vocabulary vocabulary, Set<Vocabulary.Kind> kinds) {
        for (Vocabulary.Kind kind : kinds) {
            for (List<String> words : vocabulary.phrases(kind)) {
                byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(new Phrase(words, kind));
            }
        }
        byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Phrase p) -> p.words().size()).reversed()));
    }

    List<Match> scan(List<String> words) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Phrase found = longestAt(words, i);
            if (found == null) {
                out.add(new Match(null, i, List.of(words.get(i))));
                i++;
            } else {
                out.add(new Match(found.kind(), i, found.words()));
                i += found.words().size();
            }
        }
        return out;
    }

    private Phrase longestAt(List<String> words, int start) {
        for (Phrase p : byFirstWord.getOrDefault(words.get(start), List.of())) {
            if (start + p.words().size() <= words.size()
                    && words.subList(start, start + p.words().size()).equals(p.words())) {
                return p;
            }
        }
        return null;
    }
}
