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
}
