package org.engagebot.conversation;

import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches typed answers to options (see {@link ChoiceMatcher}): by number as listed, by value, by label or alias in
 * either language; asks "Did you mean …?" where it cannot be sure.
 */
@Singleton
public class ChoiceReader {
    private final Messages messages;
    private final ChoiceMatcher matcher = new ChoiceMatcher(Vocabulary.standard());
    private final YesNoReader yesNo = new YesNoReader(Vocabulary.standard());

    public ChoiceReader(Messages messages) {
        this.messages = messages;
    }

    /** "yes" or "no" when the text clearly says one of them, in either language (as a yes/no step reads it). */
    public Optional<String> yesNo(String text) {
        return switch (yesNo.read(text == null ? "" : text)) {
            case YES -> Optional.of("yes");
            case NO -> Optional.of("no");
            default -> Optional.empty();
        };
    }

    /** The one option meant, when there is no doubt. */
    public Optional<String> single(List<Option> options, String text) {
        return match(options, text) instanceof ChoiceMatcher.Found f ? Optional.of(f.values().get(0))
                : Optional.empty();
    }

    /** The option meant, or why not with the options it may have meant. */
    Validation singleAnswer(List<Option> options, String text) {
        ChoiceMatcher.Match m = match(options, text);
        if (m instanceof ChoiceMatcher.Found f) {
            return new Validation.Valid(f.values().get(0));
        }
        if (m instanceof ChoiceMatcher.Unsure u) {
            return query(options, u.answers());
        }
        return new Validation.Invalid(messages.get("invalid.choice"));
    }

    /** A thumb or a cross alone is tried as "yes" / "no" when nothing else matched (options that mean them: an RSVP). */
    private ChoiceMatcher.Match match(List<Option> options, String text) {
        ChoiceMatcher.Match m = matcher.single(options, text);
        if (m instanceof ChoiceMatcher.Found || text == null) {
            return m;
        }
        String marks = YesNoReader.emoji(text);
        return marks.equals(text) ? m : matcher.single(options, marks);
    }

    public Validation multi(StepType.MultiChoice type, String text) {
        ChoiceMatcher.Match m = matcher.multi(type.options(), text);
        if (m instanceof ChoiceMatcher.Unsure u) {
            return query(type.options(), u.answers());
        }
        if (m instanceof ChoiceMatcher.NotFound n) {
            return new Validation.Invalid(messages.get("invalid.multi-choice", n.part()));
        }
        List<String> picked = ((ChoiceMatcher.Found) m).values();
        int max = type.max() > 0 ? type.max() : type.options().size();
        if (picked.size() < Math.max(1, type.min()) || picked.size() > max) {
            return new Validation.Invalid(messages.get("invalid.multi-count", Math.max(1, type.min()), max));
        }
        return new Validation.Valid(String.join(",", picked));
    }

    /** "Did you mean Gwynedd?" / "Which did you mean: Conwy or Denbighshire?", with each as a suggestion. */
    private Validation query(List<Option> options, List<String> answers) {
        List<Option> offered = answers.stream().map(a -> new Option(a, labels(options, a))).toList();
        Text names = offered.stream().map(Option::label).reduce((a, b) -> new Text(a.en() + " or " + b.en(),
                a.cy() + " neu " + b.cy())).orElseThrow();
        String key = offered.size() == 1 ? "query.did-you-mean" : "query.which-one";
        return new Validation.Invalid(messages.get(key).format(names.en(), names.cy()), offered);
    }

    private static Text labels(List<Option> options, String answer) {
        List<Option> parts = Arrays.stream(answer.split(","))
                .map(v -> options.stream().filter(o -> o.value().equals(v)).findFirst().orElseThrow()).toList();
        return new Text(parts.stream().map(o -> o.label().en()).collect(Collectors.joining(", ")),
                parts.stream().map(o -> o.label().cy()).collect(Collectors.joining(", ")));
    }

    static String normalise(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return Normalizer.normalize(lower, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
