package org.engagebot.events;

import org.engagebot.conversation.ChoiceReader;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Option;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Will you come?" as outsiders answered it in session 8, written unseen before running: Welsh with and without
 * accents and mutations, emoji, capitals and polite padding (27 of 30 at the first try: "wrth gwrs", a thumb up and
 * a thumb down were missed; of three negations added next, "I don't think I can come" was read as yes). RsvpAnswersTest holds the earlier rows.
 */
class RsvpAnswersBatchTest {
    private final Messages messages = new Messages(List.of(new EventsMessages()));
    private final List<Option> options = RsvpWords.options(new EventTexts(messages, "https://engage.example.org"));
    private final ChoiceReader reader = new ChoiceReader(messages);

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "YES!|yes", "yes please 👍|yes", "Yes, count me in|yes", "we'll be there|yes", "Ydw|yes", "ie, diolch|yes",
            "Byddaf|yes", "Dof!|yes", "mi ddof|yes", "Bydda i yno|yes", "Byddwn ni yno|yes", "wrth gwrs|yes", "👍|yes",
            "No thanks|no", "can't make it, sorry|no", "NO|no", "Na|no", "Na fyddaf|no", "Dim diolch|no", "Alla i ddim dod|no",
            "Fedra i ddim dod|no", "Methu dod, sori|no", "nac ydw|no", "👎|no",
            "Maybe!|maybe", "not sure yet|maybe", "Dwi ddim yn siŵr|maybe", "Efallai, diolch|maybe", "falle|maybe",
            "possibly|maybe", "I can't really come|no", "Dw i ddim yn gallu dod|no", "I don't think I can come|no"})
    void understandsTheAnswer(String typed, String answer) {
        assertThat(reader.single(options, typed)).contains(answer);
    }

    /** A "not" before a yes is never a yes ("I don't think I can come" was a place taken): asked again instead. */
    @ParameterizedTest(name = "\"{0}\" → asked again")
    @CsvSource({"I don't really see us attending", "not sure I'll be there", "Dw i ddim yn meddwl y byddaf yno"})
    void aNegatedYesIsNotTaken(String typed) {
        assertThat(reader.single(options, typed)).isNotEqualTo(java.util.Optional.of("yes"));
    }
}
