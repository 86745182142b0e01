package org.engagebot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A correction that names the earlier answer it changes, typed at any later question: "actually the organisation is
 * called Bangor Food Bank", "sorry, the phone number is 07911 123456", "sori, Conwy ddylai'r ardal fod", "Mae'r ebost
 * yn anghywir, jo@example.org ydi o". The name is the step's label or one of its names ({@link AnswerNames}); the new
 * value is what follows it (or, in a Welsh cleft, what comes before it), read by that step's own reader. A free-text
 * answer is changed only when the sentence says it corrects ("sorry", "actually", "sori") and links name and value
 * ("is called", "yw"), so "the organisation name is wrong" changes nothing. Stateless and thread-safe.
 */
final class NamedCorrection {
    record Found(Step step, String value) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");
    private static final Pattern LEAD = Pattern.compile("(?iu)^\\s*(?:sorry|sori|oops|wps|whoops|actually|correction"
            + "|wait|arhoswch|my mistake|fy mai|o na|oh no)\\b");
    /** Between the name and the new value: "is called", "should be", "yw", "dylai fod", "has changed to". */
    private static final Set<String> LINK = Set.of("is", "called", "named", "now", "should", "be", "read", "say", "are",
            "was", "has", "changed", "to", "actually", "yw", "ydi", "ydy", "dylai", "ddylai", "fod", "i", "nawr", "rwan",
            "wedi", "newid", "bellach", "sydd", "s");
    /** After the value or before the name in a Welsh cleft: "… ydi o", "Conwy ddylai'r ardal fod", "… oedd hi". */
    private static final Set<String> CLEFT = Set.of("ydi", "ydy", "yw", "o", "e", "hi", "fo", "fe", "oedd", "ddylair",
            "dylair", "ywr", "ydir", "ydyr", "oeddr", "ddylai", "dylai", "fod", "mae", "maer", "the", "my", "our", "y",
            "yr", "fy", "ein", "sorry", "sori", "oops", "wps", "actually", "oh", "ah", "na", "no", "wait", "arhoswch");
    /** Words that judge the old answer rather than give a new one ("the name is wrong", "mae'r enw'n anghywir"). */
    private static final Set<String> JUDGING = Set.of("wrong", "incorrect", "misspelt", "misspelled", "spelt",
            "spelled", "mistake", "typo", "missing", "right", "correct", "fine", "ok", "okay", "anghywir", "cywir",
            "iawn", "camgymeriad", "not", "ddim", "dim", "nid");

    private final AnswerNames names;
    private final AnswerReader reader;

    NamedCorrection(AnswerNames names, AnswerReader reader) {
        this.names = names;
        this.reader = reader;
    }

    /** The earlier answer the text corrects and its new value, if it names one and gives a value it takes. */
    Optional<Found> find(FlowDefinition flow, Session s, String text) {
        List<Token> tokens = tokens(text);
        Mention mention = mention(flow, s, tokens);
        if (mention == null) {
            return Optional.empty();
        }
        Step step = mention.step();
        int after = mention.end() < tokens.size() ? tokens.get(mention.end()).start() : text.length();
        int linked = skip(tokens, mention.end(), LINK);
        String rest = linked < tokens.size() ? text.substring(tokens.get(linked).start()) : "";
        if (step.type() instanceof StepType.FreeText) {
            return linked == mention.end() || !LEAD.matcher(text).find() ? Optional.empty()
                    : freeText(step, rest.strip().replaceAll("[.!]+$", ""), s);
        }
        String before = text.substring(0, tokens.get(mention.start()).start());
        List<String> candidates = new ArrayList<>(List.of(trimCleft(rest), trimCleft(text.substring(after)),
                trimCleft(before)));
        // "Mae'r ebost yn anghywir, jo@example.org ydi o": the value in a clause of its own after the name
        for (String clause : text.substring(after).split("[,;]")) {
            candidates.add(trimCleft(clause));
        }
        for (String candidate : candidates) {
            Optional<Found> found = taken(step, candidate, s);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Found> freeText(Step step, String value, Session s) {
        if (value.isEmpty() || value.contains("?") || Fold.words(value).stream().anyMatch(JUDGING::contains)) {
            return Optional.empty();
        }
        return taken(step, value, s);
    }

    private Optional<Found> taken(Step step, String value, Session s) {
        if (Fold.words(value).isEmpty()) {
            return Optional.empty();
        }
        return reader.read(step, new Input.Typed(value), Map.of()) instanceof AnswerReader.Read.Accepted a
                && !a.value().isEmpty() && !a.value().equals(s.answers().get(step.id()))
                ? Optional.of(new Found(step, a.value())) : Optional.empty();
    }

    /** @param bare not part of an address ("org" in "www.example.org" or "jo@example.org" names nothing) */
    private record Token(String folded, int start, int end, boolean bare) {
    }

    private record Mention(Step step, int start, int end) {
    }

    /** The longest name of an earlier answered step in the text; null when none, or two steps tie. */
    private Mention mention(FlowDefinition flow, Session s, List<Token> tokens) {
        Mention best = null;
        boolean tie = false;
        for (String id : s.history().stream().distinct().toList()) {
            Optional<Step> step = flow.step(id);
            Mention own = step.isEmpty() || id.equals(s.stepId()) || !s.answers().containsKey(id) ? null
                    : longest(step.get(), tokens);
            if (own == null) {
                continue;
            }
            int length = best == null ? 0 : best.end() - best.start();
            tie = own.end() - own.start() == length || tie && own.end() - own.start() < length;
            best = own.end() - own.start() > length ? own : best;
        }
        return tie ? null : best;
    }

    private Mention longest(Step step, List<Token> tokens) {
        Mention best = null;
        for (List<String> name : names.of(step)) {
            int at = indexOf(tokens, name);
            if (at >= 0 && (best == null || name.size() > best.end() - best.start())) {
                best = new Mention(step, at, at + name.size());
            }
        }
        return best;
    }

    private static int indexOf(List<Token> tokens, List<String> name) {
        for (int i = 0; i + name.size() <= tokens.size(); i++) {
            boolean all = true;
            for (int j = 0; j < name.size() && all; j++) {
                all = tokens.get(i + j).bare() && tokens.get(i + j).folded().equals(name.get(j));
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    private static int skip(List<Token> tokens, int from, Set<String> words) {
        int i = from;
        while (i < tokens.size() && words.contains(tokens.get(i).folded())) {
            i++;
        }
        return i;
    }

    /** The text without cleft and lead words at either end ("Conwy ddylai'r" → "Conwy", "jo@x.org ydi o" → "jo@x.org"). */
    private static String trimCleft(String text) {
        List<Token> tokens = tokens(text);
        int first = skip(tokens, 0, CLEFT);
        int last = tokens.size();
        while (last > first && CLEFT.contains(tokens.get(last - 1).folded())) {
            last--;
        }
        if (first >= last) {
            return "";
        }
        int end = last < tokens.size() ? tokens.get(last).start() : text.length();
        return text.substring(tokens.get(first).start(), end).strip().replaceAll("[,;:]+$", "");
    }

    private static final String ADDRESS_MARKS = ".@/:";

    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            boolean bare = (m.start() == 0 || ADDRESS_MARKS.indexOf(text.charAt(m.start() - 1)) < 0)
                    && (m.end() == text.length() || ADDRESS_MARKS.indexOf(text.charAt(m.end())) < 0
                    || m.end() + 1 == text.length() || Character.isWhitespace(text.charAt(m.end() + 1)));
            tokens.add(new Token(Fold.fold(m.group()), m.start(), m.end(), bare));
        }
        return tokens;
    }
}
