package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Matches typed answers to options: by number (as listed), by value, or by label in either language. */
@Singleton
public class ChoiceReader {
    private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "ok", "ie", "iawn", "do", "ydw", "ydy",
            "oes", "ydyn", "ydych", "byddaf", "hoffwn", "cytuno", "i agree", "agree", "true");
    private static final Set<String> NO = Set.of("no", "n", "nope", "na", "nac oes", "nac ydw", "naddo", "nac ydy",
            "dim", "dim diolch", "no thanks", "false", "disagree");

    private final Messages messages;

    public ChoiceReader(Messages messages) {
        this.messages = messages;
    }

    public Optional<String> single(List<Option> options, String text) {
        String wanted = normalise(text);
        if (wanted.matches("\\d{1,3}")) {
            int n = Integer.parseInt(wanted);
            return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1).value()) : Optional.empty();
        }
        for (Option o : options) {
            if (wanted.equals(normalise(o.value())) || wanted.equals(normalise(o.label().en()))
                    || wanted.equals(normalise(o.label().cy()))) {
                return Optional.of(o.value());
            }
        }
        String bare = wanted.replaceAll("[.!,;]+$", "").replace('\u2019', '\'');
        for (Option o : options) {
            if (o.aliases().stream().anyMatch(a -> bare.equals(normalise(a)))) {
                return Optional.of(o.value());
            }
        }
        return Optional.empty();
    }

    public Validation multi(StepType.MultiChoice type, String text) {
        Set<String> picked = new LinkedHashSet<>();
        for (String part : text.split("\\s*(,|;|\\n|\\band\\b|\\ba\\b|&)\\s*|\\s+(?=\\d)")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> one = single(type.options(), part);
            if (one.isEmpty()) {
                return new Validation.Invalid(messages.get("invalid.multi-choice", part.strip()));
            }
            picked.add(one.get());
        }
        int max = type.max() > 0 ? type.max() : type.options().size();
        if (picked.size() < Math.max(1, type.min()) || picked.size() > max) {
            return new Validation.Invalid(messages.get("invalid.multi-count", Math.max(1, type.min()), max));
        }
        return new Validation.Valid(String.join(",", picked));
    }

    public Optional<String> yesNo(String text) {
        String t = normalise(text).replaceAll("[.!]+$", "");
        if (YES.contains(t) || t.equals("1")) {
            return Optional.of("yes");
        }
        if (NO.contains(t) || t.equals("2")) {
            return Optional.of("no");
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
