package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Matches what people type to the options of a choice, forgivingly: by number, value, label or alias in either
 * language, with or without accents, inside a sentence ("we're based in Gwynedd"), around words such as
 * "county borough" or "sir", and past a small typo ("Wrexam"). What could mean more than one option, or only
 * looks like one, comes back {@link Unsure} so the participant is asked "Did you mean …?".
 * Stateless and thread-safe.
 */
final class ChoiceMatcher {
    private static final Pattern SEPARATORS = Pattern.compile(
            "(?iu)\\s*(?:[,;/+&\\n]|\\band\\b|\\bor\\b|\\bneu\\b|\\bac?\\b|\\bplus\\b)\\s*");

    /** Words from which an answer that is no list is read as a sentence. */
    private static final int SENTENCE = 6;

    sealed interface Match {
    }

    /** The option values meant, in the options' order. */
    record Found(List<String> values) implements Match {
    }

    /** Possible answers to offer, each a stored value (several values comma-separated for a multi-choice). */
    record Unsure(List<String> answers) implements Match {
    }

    /** Nothing matched; {@code part} is the part that did not (for a list of several). */
    record NotFound(String part) implements Match {
    }

    private record Key(List<String> words, String value) {
    }

    private final Vocabulary vocabulary;
    private final PhraseScan everything;
    /**
     * Keys by option list (by identity: a flow's lists live as long as the flow), so a step's options are folded once,
     * not on every answer; a few dozen lists at most, least recently used dropped first.
     */
    private final Map<Identity, Keys> keysByList = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Keys> eldest) {
            return size() > 64;
        }
    });

    private record Identity(List<Option> options) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.options == options;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(options);
        }
    }

    private Keys keys(List<Option> options) {
        return keysByList.computeIfAbsent(new Identity(options), k -> new Keys(options));
    }

    ChoiceMatcher(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.everything = new PhraseScan(vocabulary, java.util.EnumSet.of(Vocabulary.Kind.EVERYTHING,
                Vocabulary.Kind.CHOICE_FILLER, Vocabulary.Kind.POLITE, Vocabulary.Kind.FILLER));
    }

    /** "All of North Wales", "Gogledd Cymru i gyd", "everywhere in North Wales": every option but "other". */
    private boolean everything(String text) {
        boolean said = false;
        for (PhraseScan.Match m : everything.scan(Fold.words(text))) {
            if (m.kind() == null) {
                return false;
            }
            said |= m.kind() == Vocabulary.Kind.EVERYTHING;
        }
        return said;
    }

    Match single(List<Option> options, String text) {
        Keys keys = keys(options);
        String exact = keys.exact(text);
        if (exact != null) {
            return new Found(List.of(exact));
        }
        Set<String> found = new LinkedHashSet<>();
        boolean negated = false;
        for (String item : SEPARATORS.split(text)) {
            Scanned s = keys.scan(item);
            found.addAll(s.values);
            negated |= s.negated;
        }
        if (found.isEmpty() && negated) {
            return new NotFound(text.strip());
        }
        if (found.size() == 1) {
            return new Found(List.copyOf(found));
        }
        if (found.size() > 1) {
            return new Unsure(keys.ordered(found));
        }
        Match fuzzy = keys.fuzzy(text, true);
        return fuzzy instanceof NotFound ? keys.byLabelWord(text).orElse(fuzzy) : fuzzy;
    }

    Match multi(List<Option> options, String text) {
        Keys keys = keys(options);
        if (everything(text)) {
            return new Found(keys.allButOther());
        }
        Match except = allExcept(keys, text);
        if (except != null) {
            return except;
        }
        String exact = keys.exact(text);
        if (exact != null) {
            return new Found(List.of(exact));
        }
        Set<String> found = new LinkedHashSet<>();
        Set<String> guessed = new LinkedHashSet<>();
        for (String item : SEPARATORS.split(text)) {
            if (everything(item)) {
                found.addAll(keys.allButOther());
                continue;
            }
            Scanned s = keys.scan(item);
            found.addAll(s.values);
            if (s.values.isEmpty() && s.negated) {
                continue; // "Gwynedd, not Anglesey": a part saying what is not meant
            }
            if (s.values.isEmpty() && !s.leftover.isEmpty()) {
                Match m = keys.fuzzy(item, false);
                if (m instanceof Found f) {
                    found.addAll(f.values());
                } else if (m instanceof Unsure u) {
                    guessed.add(u.answers().get(0));
                } else {
                    return inSentence(keys, text).orElse(new NotFound(item.strip()));
                }
            }
        }
        if (!guessed.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(found);
            all.addAll(guessed);
            return new Unsure(List.of(String.join(",", keys.ordered(all))));
        }
        return found.isEmpty() ? new NotFound(text.strip()) : new Found(keys.ordered(found));
    }

    /** "except", "apart from", "heblaw", "ar wahân i", "ond nid": what comes after is left out. */
    private static final List<List<String>> EXCEPT = List.of(List.of("except"), List.of("excluding"), List.of("apart"),
            List.of("other", "than"), List.of("but", "not"), List.of("heblaw"), List.of("ac", "eithrio"),
            List.of("eithrio"), List.of("ar", "wahan"), List.of("ond", "nid"), List.of("ond", "dim"), List.of("ond", "ddim"));
    private static final java.util.Set<String> AFTER_EXCEPT = java.util.Set.of("from", "for", "i", "am", "o");

    /**
     * "All except Wrexham", "pob un heblaw Wrecsam": every option but "other" and those named, offered as "Did you
     * mean …?"; any other answer with "except" in it is not understood (never the options it names).
     */
    private Match allExcept(Keys keys, String text) {
        List<String> words = Fold.words(text);
        for (int i = 0; i < words.size(); i++) {
            for (List<String> marker : EXCEPT) {
                if (i + marker.size() <= words.size() && words.subList(i, i + marker.size()).equals(marker)) {
                    List<String> rest = new ArrayList<>(words.subList(i + marker.size(), words.size()));
                    while (!rest.isEmpty() && AFTER_EXCEPT.contains(rest.get(0))) {
                        rest.remove(0);
                    }
                    Scanned left = keys.scan(String.join(" ", rest));
                    if (i == 0 || !everything(String.join(" ", words.subList(0, i))) || left.values.isEmpty()
                            || !left.leftover.isEmpty()) {
                        return new NotFound(text.strip());
                    }
                    List<String> kept = new ArrayList<>(keys.allButOther());
                    kept.removeAll(left.values);
                    return kept.isEmpty() ? new NotFound(text.strip()) : new Unsure(List.of(String.join(",", kept)));
                }
            }
        }
        return null;
    }

    /**
     * Options named in a sentence that is no list ("We're a charity in Rhyl that runs a youth club": its "a" is no
     * Welsh "and"), offered as "Did you mean …?" rather than taken, as the other words might have named a place too.
     */
    private static java.util.Optional<Match> inSentence(Keys keys, String text) {
        if (Fold.words(text).size() < SENTENCE || text.matches("(?s).*[,;\\n].*")) {
            return java.util.Optional.empty(); // a short list: what was not understood is said back instead
        }
        Scanned s = keys.scan(text);
        if (s.negated || s.values.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Unsure(List.of(String.join(",", keys.ordered(new LinkedHashSet<>(s.values))))));
    }

    /** What an item named; {@code negated}: a match was dropped because a "not" came before it. */
    private record Scanned(List<String> values, List<String> leftover, boolean negated) {
    }

    /** The option keys (value, labels, aliases; each also without filler words) of one list. */
    private final class Keys {
        private final List<Option> options;
        private final Map<String, List<Key>> byFirstWord = new HashMap<>();
        private final List<Key> all = new ArrayList<>();

        Keys(List<Option> options) {
            this.options = options;
            for (Option o : options) {
                List<String> names = new ArrayList<>(List.of(o.value().replace('-', ' ').replace('_', ' '),
                        o.label().en(), o.label().cy()));
                names.addAll(o.aliases());
                names.forEach(name -> add(Fold.words(name), o.value()));
            }
            // keys without filler words after every option's own: "safe" names "Safe", not "Mostly safe"
            // ("mostly" is a filler), as the first key found wins and the sort below keeps this order per length
            for (Option o : options) {
                List<String> names = new ArrayList<>(List.of(o.value().replace('-', ' ').replace('_', ' '),
                        o.label().en(), o.label().cy()));
                names.addAll(o.aliases());
                names.forEach(name -> add(stripped(Fold.words(name)), o.value()));
            }
            byFirstWord.values().forEach(l -> l.sort(Comparator.comparingInt((Key k) -> k.words().size()).reversed()));
        }

        private void add(List<String> words, String value) {
            if (!words.isEmpty()) {
                Key key = new Key(words, value);
                all.add(key);
                byFirstWord.computeIfAbsent(words.get(0), k -> new ArrayList<>()).add(key);
            }
        }

        String exact(String text) {
            List<String> words = digits(Fold.words(text));
            if (words.size() == 1 && words.get(0).matches("\\d{1,3}")) {
                int n = Integer.parseInt(words.get(0));
                return n >= 1 && n <= options.size() ? options.get(n - 1).value() : null;
            }
            // the words as typed first: "safe" is "Safe", not "Mostly safe" (whose key without filler is "safe" too)
            List<String> bare = stripped(words);
            return all.stream().filter(k -> k.words().equals(words)).map(Key::value).findFirst()
                    .orElseGet(() -> all.stream().filter(k -> k.words().equals(bare)).map(Key::value)
                            .findFirst().orElse(null));
        }

        Scanned scan(String item) {
            List<String> words = digits(Fold.words(item));
            List<String> values = new ArrayList<>();
            List<String> leftover = new ArrayList<>();
            boolean numbers = words.stream().allMatch(w -> w.matches("\\d{1,3}"));
            boolean not = false;
            boolean dropped = false;
            int i = 0;
            while (i < words.size()) {
                Key key = longestAt(words, i);
                if (key == null && (i == 0 || WelshMutations.TRIGGERS.contains(words.get(i - 1)))) {
                    key = radicalAt(words, i);
                }
                String w = words.get(i);
                if (key != null) {
                    // "I don't think I can come" is not "I can come": a match after an unmatched "not" is no answer
                    if (not && !vocabulary.containsWord(Vocabulary.Kind.NEGATION, key.words())) {
                        dropped = true;
                    } else {
                        values.add(key.value());
                    }
                    i += key.words().size();
                    continue;
                }
                not |= vocabulary.containsWord(Vocabulary.Kind.NEGATION, List.of(w));
                if (numbers && Integer.parseInt(w) >= 1 && Integer.parseInt(w) <= options.size()) {
                    values.add(options.get(Integer.parseInt(w) - 1).value());
                } else if (!filler(w)) {
                    leftover.add(w);
                }
                i++;
            }
            return new Scanned(values, leftover, dropped);
        }

        /** Numbers said in words as digits ("un a thri", "the second one"), unless a word names an option itself. */
        private List<String> digits(List<String> words) {
            return words.stream().anyMatch(byFirstWord::containsKey) ? words : NumberWords.asDigits(words);
        }

        /** The key the word at {@code start} names once unmutated ("Nghaergybi" → "Caergybi"), or null. */
        private Key radicalAt(List<String> words, int start) {
            for (String radical : WelshMutations.radicals(words.get(start))) {
                List<String> unmutated = new ArrayList<>(words);
                unmutated.set(start, radical);
                Key key = longestAt(unmutated, start);
                if (key != null) {
                    return key;
                }
            }
            return null;
        }

        private Key longestAt(List<String> words, int start) {
            for (Key k : byFirstWord.getOrDefault(words.get(start), List.of())) {
                if (start + k.words().size() <= words.size()
                        && words.subList(start, start + k.words().size()).equals(k.words())) {
                    return k;
                }
            }
            return null;
        }

        /** Typos and beginnings: accepted when one option is a single slip away, otherwise offered. */
        Match fuzzy(String text, boolean several) {
            String typed = String.join(" ", stripped(Fold.words(text)));
            if (typed.length() < 3) {
                return new NotFound(text.strip());
            }
            Map<String, Integer> best = new HashMap<>();
            for (Key k : all) {
                String key = String.join(" ", k.words());
                int d = Typos.distance(typed, key);
                if (key.startsWith(typed + " ") || key.startsWith(typed) && typed.length() >= 3) {
                    d = Math.min(d, 2);
                }
                if (d <= Typos.allowed(key.length())) {
                    best.merge(k.value(), d, Math::min);
                }
            }
            if (best.isEmpty()) {
                return new NotFound(text.strip());
            }
            int min = best.values().stream().min(Integer::compare).orElseThrow();
            List<String> closest = ordered(best.entrySet().stream().filter(e -> e.getValue() == min)
                    .map(Map.Entry::getKey).toList());
            if (closest.size() == 1 && min == 1 && typed.length() >= 5) {
                return new Found(closest);
            }
            return new Unsure(several ? closest.subList(0, Math.min(3, closest.size())) : closest.subList(0, 1));
        }

        /**
         * A word of one option's label, and of no other's, said on its own or in a sentence ("ffyrdd" for "Diogelwch ar
         * y ffyrdd", "the roads" for "Road safety"): offered as "Did you mean …?", never taken. Words of four letters
         * or more, singular or with an s; aliases are left out, as a long alias list would match too much.
         */
        java.util.Optional<Match> byLabelWord(String text) {
            Set<String> meant = new LinkedHashSet<>();
            for (String w : stripped(Fold.words(text))) {
                for (Option o : options) {
                    if (w.length() >= 4 && (labelWords(o).contains(w)
                            || w.endsWith("s") && labelWords(o).contains(w.substring(0, w.length() - 1)))) {
                        meant.add(o.value());
                    }
                }
            }
            return meant.size() == 1 ? java.util.Optional.of(new Unsure(List.copyOf(meant))) : java.util.Optional.empty();
        }

        private Set<String> labelWords(Option o) {
            Set<String> words = new java.util.HashSet<>(stripped(Fold.words(o.label().en())));
            words.addAll(stripped(Fold.words(o.label().cy())));
            return words;
        }

        List<String> ordered(java.util.Collection<String> values) {
            return options.stream().map(Option::value).filter(values::contains).toList();
        }

        List<String> allButOther() {
            return options.stream().map(Option::value).filter(v -> !v.equals("other")).toList();
        }

        private List<String> stripped(List<String> words) {
            List<String> out = new ArrayList<>();
            for (String w : words) {
                if (!filler(w)) {
                    out.add(w);
                }
            }
            return out;
        }

        private boolean filler(String word) {
            return vocabulary.is(Vocabulary.Kind.CHOICE_FILLER, word) || vocabulary.is(Vocabulary.Kind.POLITE, word)
                    || vocabulary.is(Vocabulary.Kind.FILLER, word);
        }
    }
}
