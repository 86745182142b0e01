package org.engagebot.conversation;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.engagebot.conversation.Vocabulary.Kind.AGREE;
import static org.engagebot.conversation.Vocabulary.Kind.FILLER;
import static org.engagebot.conversation.Vocabulary.Kind.NO;
import static org.engagebot.conversation.Vocabulary.Kind.NO_ALONE;
import static org.engagebot.conversation.Vocabulary.Kind.POLITE;
import static org.engagebot.conversation.Vocabulary.Kind.REFUSE;
import static org.engagebot.conversation.Vocabulary.Kind.SKIP;
import static org.engagebot.conversation.Vocabulary.Kind.SKIP_NOUN;
import static org.engagebot.conversation.Vocabulary.Kind.UNSURE;
import static org.engagebot.conversation.Vocabulary.Kind.YES;
import static org.engagebot.conversation.Vocabulary.Kind.YES_ALONE;

/**
 * Reads yes or no the way people write it, in English and Welsh: "yeah, go on", "no ta", "hoffwn",
 * "na fyddai", "nac oes", "rwy'n cytuno", "I don't agree". The answer is the first yes or no phrase among the
 * first few words; a later phrase of the other sense, or a "not sure", makes it {@link Meaning#UNSURE}.
 * Stateless and thread-safe.
 */
public final class YesNoReader {
    /** How far into the answer the yes or no may start ("Well, um, I think yes"), and conflicts are looked for. */
    private static final int LEAD = 4;
    private static final int WINDOW = 6;

    public enum Meaning { YES, NO, UNSURE, UNKNOWN }

    /** Words that negate the verb after them, so a yes word further on is negated too. */
    private static final java.util.Set<String> NEGATORS = java.util.Set.of("dont", "not", "cant", "cannot", "wont",
            "wouldnt", "couldnt", "ddim", "nid");

    private final Vocabulary vocabulary;
    private final PhraseScan answers;
    private final PhraseScan alone;
    private final PhraseScan skips;

    public YesNoReader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.answers = new PhraseScan(vocabulary, EnumSet.of(YES, NO, UNSURE, AGREE, REFUSE, POLITE, FILLER));
        this.alone = new PhraseScan(vocabulary, EnumSet.of(YES_ALONE, NO_ALONE, POLITE, FILLER));
        this.skips = new PhraseScan(vocabulary, EnumSet.of(NO, SKIP, SKIP_NOUN, POLITE, FILLER));
    }

    public Meaning read(String text) {
        Meaning meaning = read(text, Fold.words(emoji(text)));
        if (meaning == Meaning.UNKNOWN && Fold.stretched(text)) {
            // a letter held down: "yesss", "ydwww" (one), "caifff" (two: caiff)
            meaning = read(text, Fold.words(Fold.unstretched(emoji(text), 1)));
            return meaning != Meaning.UNKNOWN ? meaning : read(text, Fold.words(Fold.unstretched(emoji(text), 2)));
        }
        return meaning;
    }

    private Meaning read(String text, List<String> words) {
        if (vocabulary.phrases(Vocabulary.Kind.PLEASE).contains(words)) {
            return Meaning.YES;
        }
        if (words.size() == 1 && (words.get(0).equals("1") || words.get(0).equals("2"))) {
            return words.get(0).equals("1") ? Meaning.YES : Meaning.NO;
        }
        Meaning short_ = alone(words);
        if (short_ != null) {
            return short_;
        }
        List<PhraseScan.Match> matches = answers.scan(words);
        if (text != null && text.contains("?") && matches.stream().anyMatch(m -> m.kind() == null)) {
            return Meaning.UNKNOWN;
        }
        Meaning first = null;
        boolean negator = false;
        boolean conflict = false;
        for (PhraseScan.Match m : matches) {
            Meaning meaning = meaning(m.kind());
            if (meaning == null) {
                continue;
            }
            if (first == null) {
                if (m.start() >= LEAD) {
                    return Meaning.UNKNOWN;
                }
                first = meaning;
                negator = meaning == Meaning.NO && m.words().stream().anyMatch(NEGATORS::contains);
                if (meaning == Meaning.YES && negatedAfter(words, m)) {
                    // "absolutely not", "certainly not", "siwr iawn ddim": the yes word only strengthens a no
                    return Meaning.UNSURE;
                }
            } else if (m.start() < WINDOW && meaning != first && !(negator && meaning == Meaning.YES)) {
                // "I don't think I can agree to that": a yes word under the "don't" is part of the no
                conflict = true;
            }
        }
        if (first == null) {
            return Meaning.UNKNOWN;
        }
        return conflict ? Meaning.UNSURE : first;
    }

    private static boolean negatedAfter(List<String> words, PhraseScan.Match m) {
        int next = m.start() + m.words().size();
        return next < words.size() && (words.get(next).equals("not") || words.get(next).equals("ddim"));
    }

    /**
     * Whether the answer says "I have none" to an optional question, and nothing else: "none", "n/a",
     * "no website", "nac oes", "does dim un", "we don't have one, sorry". A blank or punctuation-only answer
     * ("-") counts too.
     */
    public boolean isSkip(String text) {
        List<String> words = Fold.words(text);
        if (words.isEmpty()) {
            return text != null && !text.isBlank();
        }
        boolean said = false;
        for (PhraseScan.Match m : skips.scan(words)) {
            if (m.kind() == null) {
                return false;
            }
            said |= m.kind() == NO || m.kind() == SKIP;
        }
        return said;
    }

    /** "y", "k", "do" and the like: yes or no only as the whole answer (with "please", "thanks"). */
    private Meaning alone(List<String> words) {
        Meaning found = null;
        for (PhraseScan.Match m : alone.scan(words)) {
            if (m.kind() == null) {
                return null;
            }
            if (m.kind() == YES_ALONE || m.kind() == NO_ALONE) {
                if (found != null) {
                    return null;
                }
                found = m.kind() == YES_ALONE ? Meaning.YES : Meaning.NO;
            }
        }
        return found;
    }

    private static Meaning meaning(Vocabulary.Kind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case YES, AGREE -> Meaning.YES;
            case NO, REFUSE -> Meaning.NO;
            case UNSURE -> Meaning.UNSURE;
            default -> null;
        };
    }

    private static final Pattern THUMBS_UP = Pattern.compile("[\\x{1F44D}\\x{2705}\\x{1F44C}\\x{2714}]");
    private static final Pattern THUMBS_DOWN = Pattern.compile("[\\x{1F44E}\\x{274C}\\x{1F6AB}\\x{2716}]");

    /** Thumbs, ticks and crosses read as the words "yes" and "no"; any other text as it is. */
    static String emoji(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x2700) {  // one of the marks, or half of one (a surrogate)
                return THUMBS_DOWN.matcher(THUMBS_UP.matcher(text).replaceAll(" yes ")).replaceAll(" no ");
            }
        }
        return text;
    }
}
