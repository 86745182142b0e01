package org.engagebot.conversation;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.DumperOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words people answer with (answers/vocabulary.yaml on the classpath), by meaning, as folded phrases
 * ({@link Fold}). Loaded once; immutable and thread-safe.
 */
public final class Vocabulary {
    /** What a phrase means. */
    public enum Kind { YES, NO, UNSURE, AGREE, REFUSE, SKIP, SKIP_NOUN, POLITE, FILLER, GREETING, EVERYTHING, CHOICE_FILLER, YES_ALONE, NO_ALONE, PLEASE,
        SUMMARY_CONFIRM, SUMMARY_EDIT, SUMMARY_CANCEL, SUMMARY_EDIT_WORD, NEGATION, REQUEST_WORD,
        COMMAND_LEAD }

    /** Words a Welsh yes/no question is answered with, by its verb. */
    public record WelshVerb(String name, List<String> asks, String yes, String no) {
    }

    private static final Vocabulary STANDARD = load("answers/vocabulary.yaml");

    private final Map<Kind, List<List<String>>> phrases;
    private final Map<Kind, java.util.Set<List<String>>> sets = new EnumMap<>(Kind.class);
    private final Map<String, String> commands;
    private final Map<String, String> typedCommands;
    private final Map<String, WelshVerb> verbs;
    private final Map<String, String> intents;
    private final List<String> intentPhrasesLongestFirst;

    private Vocabulary(Map<Kind, List<List<String>>> phrases, Map<String, String> commands,
                       Map<String, String> typedCommands, Map<String, WelshVerb> verbs, Map<String, String> intents) {
        this.intents = intents;
        List<String> byLength = new ArrayList<>(intents.keySet());
        byLength.sort((a, b) -> b.length() - a.length());
        this.intentPhrasesLongestFirst = List.copyOf(byLength);
        this.phrases = phrases;
        phrases.forEach((kind, list) -> sets.put(kind, java.util.Set.copyOf(list)));
        this.commands = commands;
        this.typedCommands = typedCommands;
        this.verbs = verbs;
    }

    public static Vocabulary standard() {
        return STANDARD;
    }

    /** The phrases of a kind, each as its folded words. */
    List<List<String>> phrases(Kind kind) {
        return phrases.getOrDefault(kind, List.of());
    }

    boolean is(Kind kind, String text) {
        return sets.get(kind).contains(Fold.words(text));
    }

    /** Whether any single word of the text is one of the kind's one-word phrases. */
    boolean containsWord(Kind kind, List<String> words) {
        return words.stream().anyMatch(w -> sets.get(kind).contains(List.of(w)));
    }

    /** The English name of a slash command given in any language or spelling ("nôl", "yn-ôl" → "back"). */
    public String command(String name) {
        String folded = Fold.fold(name);
        return commands.getOrDefault(folded, folded.replace(' ', '_'));
    }

    /**
     * The command a control word typed on its own stands for inside a conversation ("nôl" → "back"), also with
     * courtesy around it and a way of asking before it ("go back please", "I want to stop", "dwi isio stopio").
     */
    String typedCommand(String text) {
        String folded = Fold.fold(text);
        String command = typedCommands.get(folded);
        if (command != null || folded.length() > 80) {
            return command;
        }
        List<String> words = new ArrayList<>(Fold.words(text));
        boolean trimmed = true;
        while (trimmed && !words.isEmpty()) {
            trimmed = trimEnd(words, Kind.POLITE) || trimEnd(words, Kind.FILLER) || trimStart(words, Kind.POLITE)
                    || trimStart(words, Kind.FILLER) || trimStart(words, Kind.COMMAND_LEAD);
        }
        command = words.isEmpty() ? null : typedCommands.get(String.join(" ", words));
        return command != null ? command : flowAskedFor(text);
    }

    /**
     * The flow a sentence typed mid-conversation asks to go to instead ("I want to apply for a visit instead",
     * "hoffwn gofrestru yn lle"): only a sentence of three words or more that says it wants and does no more than
     * ask for one of the flows people may switch to, so a two-word name such as "Join Us" stays an answer.
     */
    private String flowAskedFor(String text) {
        List<String> words = Fold.words(text);
        if (words.size() < 3 || words.stream().noneMatch(WANTING::contains) || !onlyAsksFor(text)) {
            return null;
        }
        java.util.Set<String> flows = intendedFlows(text);
        return flows.size() == 1 && SWITCHABLE.contains(flows.iterator().next()) ? flows.iterator().next() : null;
    }

    private static final java.util.Set<String> WANTING = java.util.Set.of("want", "wanna", "like", "love", "need",
            "apply", "instead", "rather", "hoffwn", "hoffem", "hoffen", "isio", "eisiau", "moyn", "angen", "lle", "hytrach");
    private static final java.util.Set<String> SWITCHABLE = java.util.Set.of("register", "visit", "forget");

    /** Takes the longest phrase of the kind off the start of the words; whether one was there. */
    private boolean trimStart(List<String> words, Kind kind) {
        for (int n = Math.min(words.size() - 1, 5); n >= 1; n--) {
            if (sets.get(kind).contains(words.subList(0, n))) {
                words.subList(0, n).clear();
                return true;
            }
        }
        return false;
    }

    private boolean trimEnd(List<String> words, Kind kind) {
        for (int n = Math.min(words.size() - 1, 5); n >= 1; n--) {
            if (sets.get(kind).contains(words.subList(words.size() - n, words.size()))) {
                words.subList(words.size() - n, words.size()).clear();
                return true;
            }
        }
        return false;
    }

    /**
     * The flows a sentence sent outside a conversation names by one of their intent phrases ("I want to register
     * my charity" → register), matched as whole words after folding.
     */
    java.util.Set<String> intendedFlows(String text) {
        String rest = " " + String.join(" ", Fold.words(text)) + " ";
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String phrase : intentPhrasesLongestFirst) {
            // longest first, each taken out once found: "delete my data" is forget, not also "my data"
            if (rest.contains(" " + phrase + " ")) {
                out.add(intents.get(phrase));
                rest = rest.replace(" " + phrase + " ", " ");
            }
        }
        return out;
    }

    /**
     * Whether a sentence does no more than ask for what its intent phrases name ("I'd like to apply for a visit",
     * "hoffwn gofrestru plis"): no question mark, no negation, and nothing left once the intent phrases and the words
     * of asking ({@code request-words}) are taken out. "Can I join the meeting on Tuesday?" and "we don't want to
     * register" are not.
     */
    boolean onlyAsksFor(String text) {
        if (text == null || text.strip().endsWith("?")) {
            return false;
        }
        List<String> words = Fold.words(text);
        if (words.isEmpty()) {
            return false;
        }
        String rest = " " + String.join(" ", words) + " ";
        boolean named = false;
        for (String phrase : intentPhrasesLongestFirst) {
            String padded = " " + phrase + " ";
            while (rest.contains(padded)) {
                rest = rest.replace(padded, " ");
                named = true;
            }
        }
        // a negation outside the intent phrase ("we don't want to register") is not a request; one inside it
        // ("dim mwy o gylchlythyrau", "no more newsletters") is part of what is asked for
        List<String> left = Fold.words(rest);
        return named && !containsWord(Kind.NEGATION, left)
                && left.stream().allMatch(w -> sets.get(Kind.REQUEST_WORD).contains(List.of(w)));
    }

    WelshVerb verb(String name) {
        return verbs.get(name);
    }

    List<WelshVerb> verbs() {
        return List.copyOf(verbs.values());
    }

    @SuppressWarnings("unchecked")
    static Vocabulary load(String resource) {
        Map<String, Object> root;
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            root = (Map<String, Object>) stringsOnly().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Kind, List<List<String>>> phrases = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            String key = kind.name().toLowerCase().replace('_', '-');
            List<List<String>> list = new ArrayList<>();
            for (Object p : (List<Object>) root.getOrDefault(key, root.getOrDefault(key + "s", List.of()))) {
                List<String> words = Fold.words(p.toString());
                if (!words.isEmpty()) {
                    list.add(words);
                }
            }
            phrases.put(kind, List.copyOf(list));
        }
        return new Vocabulary(phrases, aliases((Map<String, Object>) root.get("commands"), true),
                aliases((Map<String, Object>) root.get("typed-commands"), false),
                verbs((Map<String, Object>) root.get("welsh-verbs")),
                aliases((Map<String, Object>) root.getOrDefault("intents", Map.of()), false));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> aliases(Map<String, Object> byName, boolean includeName) {
        Map<String, String> out = new HashMap<>();
        byName.forEach((name, list) -> {
            if (includeName) {
                out.put(Fold.fold(name), name);
            }
            ((List<Object>) list).forEach(a -> out.put(Fold.fold(a.toString()), name));
        });
        return Map.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, WelshVerb> verbs(Map<String, Object> byName) {
        Map<String, WelshVerb> out = new LinkedHashMap<>();
        byName.forEach((name, v) -> {
            Map<String, Object> m = (Map<String, Object>) v;
            List<String> asks = ((List<Object>) m.get("asks")).stream().map(a -> Fold.fold(a.toString())).toList();
            out.put(name, new WelshVerb(name, asks, m.get("yes").toString(), m.get("no").toString()));
        });
        return out;
    }

    /** YAML where every scalar is a string: "yes", "no", "y" and "n" are words here, not booleans. */
    private static Yaml stringsOnly() {
        Resolver plain = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // no implicit types
            }
        };
        LoaderOptions options = new LoaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, plain);
    }
}
