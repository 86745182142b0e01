package org.engagebot.events;

import org.engagebot.conversation.ChoiceReader;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Will you come?" answered as people answer it, in English and Welsh (chat, web and email read the same options). */
class RsvpAnswersTest {
    private final Messages messages = new Messages(List.of(new EventsMessages()));
    private final List<Option> options = RsvpWords.options(new EventTexts(messages, "https://engage.example.org"));
    private final ChoiceReader reader = new ChoiceReader(messages);

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "yes|yes", "Yes, see you there!|yes", "I'll be there|yes", "looking forward to it|yes", "dof|yes",
            "Dof, diolch|yes", "byddaf yno|yes", "mi fydda i yno|yes", "edrych ymlaen|yes",
            "no|no", "unfortunately not|no", "Sorry, I can't make it|no", "I won't be able to come|no",
            "na ddof|no", "ni fyddaf yn gallu dod|no", "yn anffodus na|no", "dwi'n methu dod|no",
            "maybe|maybe", "hopefully|maybe", "I'll try|maybe", "efallai|maybe", "gobeithio|maybe"})
    void understandsTheAnswer(String typed, String answer) {
        assertThat(reader.single(options, typed)).contains(answer);
    }
}
