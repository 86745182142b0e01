package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.ChoiceReader;
import org.engagebot.conversation.Option;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an email reply to an invitation (already trimmed of quoted text) with the engine's own choice matching
 * and the RSVP options' words: the numbered form ("1. yes 2. wheelchair access 3. yes 4. vegetarian") or a short
 * answer on the first line ("Yes, I'll come", "Dof", "Ni fyddaf yn gallu dod"), matched on its longest leading
 * phrase so "Yes, see you there" is a yes and "ni fyddaf..." is never read as its last word.
 */
@Singleton
class EmailRsvpReader {
    private static final Pattern NUMBERED = Pattern.compile("(?m)^\\s*([1-4])\\s*[.):-]\\s*(.*)$");
    private static final Pattern QUESTION = Pattern.compile("^\\s*(question|cwestiwn)\\s*[:\\-]\\s*", Pattern.CASE_INSENSITIVE);

    private final ChoiceReader choices;
    private final List<Option> options;

    EmailRsvpReader(ChoiceReader choices, EventTexts texts) {
        this.choices = choices;
        this.options = RsvpWords.options(texts);
    }

    /** The question, when the reply starts with "Question:" / "Cwestiwn:". */
    Optional<String> question(String text) {
        Matcher m = QUESTION.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        String q = text.substring(m.end()).strip();
        return q.isEmpty() ? Optional.empty() : Optional.of(q);
    }

    Optional<RsvpAnswers> read(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<Integer, String> numbered = numbered(text);
        if (numbered.containsKey(1)) {
            return answer(numbered.get(1)).map(a -> new RsvpAnswers(a, field(numbered.get(2)),
                    yes(numbered.get(3)),
                    field(numbered.get(4)), null, null));
        }
        String first = text.strip().lines().findFirst().orElse("");
        return answer(first).map(RsvpAnswers::of);
    }

    /** The longest leading run of words (up to 8) that matches an option. */
    Optional<Rsvp.Answer> answer(String line) {
        String[] words = line.strip().split("\\s+");
        for (int n = Math.min(8, words.length); n >= 1; n--) {
            String phrase = String.join(" ", Arrays.copyOf(words, n)).replaceAll("[.!,;:)]+$", "");
            Optional<String> v = choices.single(options, phrase);
            if (v.isPresent() && !phrase.matches("\\d+")) {
                return Optional.of(Rsvp.Answer.of(v.get()));
            }
        }
        return Optional.empty();
    }

    private boolean yes(String value) {
        return value != null && (choices.yesNo(value).filter("yes"::equals).isPresent()
                || answer(value).orElse(null) == Rsvp.Answer.YES);
    }

    private static Map<Integer, String> numbered(String text) {
        Map<Integer, String> out = new HashMap<>();
        Matcher m = NUMBERED.matcher(text);
        while (m.find()) {
            out.putIfAbsent(Integer.parseInt(m.group(1)), m.group(2).strip());
        }
        return out;
    }

    private static String field(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.matches("(?i)(no|none|n/a|na|nac oes|dim|-|nothing|dim byd)[.!]?") ? null : v;
    }
}
