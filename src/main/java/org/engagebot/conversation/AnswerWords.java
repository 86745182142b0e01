package org.engagebot.conversation;

import java.util.List;

/**
 * The words a yes/no or consent question is answered with on its buttons and on the summary: in Welsh, the
 * question's verb ("Hoffech chi…?" → Hoffwn / Na hoffwn; "A oes…?" → Oes / Nac oes), in English Yes / No.
 */
public record AnswerWords(Text yes, Text no) {
    private static final String FALLBACK = "ai";

    public static AnswerWords of(StepType type, Messages messages) {
        String verb = type instanceof StepType.YesNo y ? y.verb() : type instanceof StepType.Consent c ? c.verb() : null;
        Vocabulary.WelshVerb v = Vocabulary.standard().verb(verb == null ? FALLBACK : verb);
        if (v == null) {
            v = Vocabulary.standard().verb(FALLBACK);
        }
        if (type instanceof StepType.Consent) {
            Text agree = messages.get("answer.agree");
            Text disagree = messages.get("answer.disagree");
            return new AnswerWords(new Text(agree.en(), v.yes() + ", " + agree.cy()),
                    new Text(disagree.en(), v.no() + ", " + disagree.cy()));
        }
        return new AnswerWords(new Text(messages.get("answer.yes").en(), v.yes()),
                new Text(messages.get("answer.no").en(), v.no()));
    }

    /** The words for a stored answer ("yes" or "no"). */
    public Text of(String value) {
        return "yes".equals(value) ? yes : no;
    }

    /**
     * The verb a Welsh question is asked with, from the first word of its last question ("A fyddai'n well
     * gennych…?" → bod-byddai), or null when it starts otherwise ("Beth…?").
     */
    static String verbOf(String welshPrompt) {
        if (welshPrompt == null || welshPrompt.indexOf('?') < 0) {
            return null;
        }
        String upToQuestion = welshPrompt.substring(0, welshPrompt.lastIndexOf('?'));
        String[] sentences = upToQuestion.split("[.!?]\\s+");
        List<String> words = List.of(Fold.foldSeparating(sentences[sentences.length - 1]).split(" "));
        int first = !words.isEmpty() && (words.get(0).equals("a") || words.get(0).equals("oni")) ? 1 : 0;
        if (first >= words.size()) {
            return null;
        }
        String word = words.get(first);
        return Vocabulary.standard().verbs().stream().filter(v -> v.asks().contains(word))
                .map(Vocabulary.WelshVerb::name).findFirst().orElse(null);
    }

    static boolean knownVerb(String verb) {
        return Vocabulary.standard().verb(verb) != null;
    }
}
