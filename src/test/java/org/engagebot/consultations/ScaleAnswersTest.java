package org.engagebot.consultations;

import org.engagebot.conversation.ChoiceReader;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.engagebot.conversation.Text;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1–5 scale question answered the way people answer it, in chat and by email (both read the options that
 * ConsultationTexts gives): the words of the point, in English or Welsh, inside a sentence, or "4 out of 5".
 */
class ScaleAnswersTest {
    private final Messages messages = new Messages(List.of(new ConsultationsMessages()));
    private final ConsultationTexts texts = new ConsultationTexts(messages, "https://engage.example.org");
    private final ChoiceReader reader = new ChoiceReader(messages);
    private final List<Option> scale = texts.choiceOptions(
            new Question("q1", new Text("Street lights make me feel safer", "Mae goleuadau stryd yn gwneud i mi deimlo'n fwy diogel"),
                    "scale", List.of()));

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "4|4", "four|4", "pedwar|4", "agree|4", "I agree|4", "We agree.|4", "cytuno|4", "rwy'n cytuno|4",
            "strongly agree|5", "I strongly agree|5", "totally agree|5", "agree strongly|5", "5 - Strongly agree|5",
            "cytuno'n gryf|5", "dwi'n cytuno'n gryf|5", "4 out of 5|4", "4/5|4",
            "disagree|2", "I don't agree|2", "anghytuno|2", "strongly disagree|1", "Strongly Disagree!|1",
            "dw i'n anghytuno'n gryf|1", "neutral|3", "neither|3", "neither agree nor disagree|3", "niwtral|3",
            "dim barn|3"})
    void understandsThePoint(String typed, String point) {
        assertThat(reader.single(scale, typed)).contains(point);
    }

    private static Text t(String en, String cy) {
        return new Text(en, cy);
    }

    private List<Option> labelled(Text... labels) {
        return texts.choiceOptions(new Question("q1", t("How satisfied are you?", "Pa mor fodlon ydych chi?"), "scale",
                List.of(), List.of(labels)));
    }

    private final List<Option> satisfied = labelled(t("Very dissatisfied", "Anfodlon iawn"),
            t("Fairly dissatisfied", "Eithaf anfodlon"), t("Neither satisfied nor dissatisfied", "Ddim yn fodlon nac yn anfodlon"),
            t("Fairly satisfied", "Eithaf bodlon"), t("Very satisfied", "Bodlon iawn"));
    private final List<Option> safe = labelled(t("Very unsafe", "Anniogel iawn"), t("Fairly unsafe", "Eithaf anniogel"),
            t("Neither safe nor unsafe", "Ddim yn ddiogel nac yn anniogel"), t("Fairly safe", "Eithaf diogel"),
            t("Very safe", "Diogel iawn"));
    private final List<Option> important = labelled(t("Not at all important", "Ddim yn bwysig o gwbl"),
            t("Not very important", "Ddim yn bwysig iawn"), t("Fairly important", "Eithaf pwysig"),
            t("Very important", "Pwysig iawn"), t("Extremely important", "Hynod bwysig"));

    /** "Mostly" is a filler word of choices, so "Mostly safe" is also keyed "safe": typed "safe" is still point 5. */
    private final List<Option> mostly = labelled(t("Not safe at all", "Ddim yn ddiogel o gwbl"),
            t("Not very safe", "Ddim yn ddiogel iawn"), t("Unsure", "Ansicr"), t("Mostly safe", "Diogel gan amlaf"),
            t("Safe", "Diogel"));

    private List<Option> scale(String name) {
        return switch (name) {
            case "mostly" -> mostly;
            case "satisfied" -> satisfied;
            case "safe" -> safe;
            default -> important;
        };
    }

    /** A scale with its own labels: its words in either language, the point's number, "4 - Fairly satisfied". */
    @ParameterizedTest(name = "{0}: \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
            "satisfied|Very satisfied|5", "satisfied|very satisfied!|5", "satisfied|I'm very satisfied|5",
            "satisfied|5|5", "satisfied|five|5", "satisfied|4 - Fairly satisfied|4", "satisfied|Fairly satisfied.|4",
            "satisfied|fairly dissatisfied|2", "satisfied|VERY DISSATISFIED|1", "satisfied|2 out of 5|2",
            "satisfied|neither satisfied nor dissatisfied|3", "satisfied|bodlon iawn|5", "satisfied|Eithaf anfodlon|2",
            "satisfied|pedwar|4", "satisfied|Rwy'n fodlon iawn|5",
            "safe|very unsafe|1", "safe|Very safe|5", "safe|fairly safe|4", "safe|Diogel iawn|5", "safe|anniogel iawn|1",
            "safe|eithaf diogel|4", "safe|1|1",
            "important|Not at all important|1", "important|not very important|2", "important|very important|4",
            "important|Extremely important|5", "important|pwysig iawn|4", "important|ddim yn bwysig o gwbl|1",
            "important|Ddim yn bwysig iawn|2", "important|3|3",
            "mostly|safe|5", "mostly|Safe.|5", "mostly|mostly safe|4", "mostly|diogel|5", "mostly|not very safe|2"})
    void understandsItsOwnLabels(String scale, String typed, String point) {
        assertThat(reader.single(scale(scale), typed)).contains(point);
    }

    /**
     * What names no one point is asked again, never stored as a guess: a word two labels share, a point negated, a
     * number off the scale, and agree/disagree words, which a scale with its own labels does not offer.
     */
    @ParameterizedTest(name = "{0}: \"{1}\" → asked again")
    @CsvSource(delimiter = '|', value = {
            "satisfied|satisfied", "satisfied|dissatisfied", "satisfied|not satisfied", "satisfied|I'm not very satisfied",
            "satisfied|agree", "satisfied|strongly agree", "satisfied|disagree", "satisfied|6", "satisfied|bodlon",
            "safe|safe", "safe|unsafe", "safe|not safe", "safe|I don't feel very safe", "safe|cytuno",
            "important|important", "important|not important", "important|very", "important|pwysig",
            "mostly|not safe", "mostly|I don't feel safe"})
    void asksAgainWhenNoOnePointIsMeant(String scale, String typed) {
        assertThat(reader.single(scale(scale), typed)).isEmpty();
    }
}
