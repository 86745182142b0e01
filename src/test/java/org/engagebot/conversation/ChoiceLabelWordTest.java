package org.engagebot.conversation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation's choice answered with one word of an option's label (walking /consultations in the terminal chat:
 * "ffyrdd", "the roads" were asked again with no help): offered as "Did you mean …?" when the word is one option's only.
 */
class ChoiceLabelWordTest {
    private static final List<Option> PRIORITIES = List.of(
            new Option("1", Text.of("Rural crime", "Troseddau gwledig")),
            new Option("2", Text.of("Road safety", "Diogelwch ar y ffyrdd")),
            new Option("3", Text.of("Drugs", "Cyffuriau")),
            new Option("4", Text.of("Crime in town centres", "Troseddau yng nghanol trefi")));
    private final ChoiceMatcher matcher = new ChoiceMatcher(Vocabulary.standard());

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "ffyrdd|Unsure[answers=[2]]", "the roads|Unsure[answers=[2]]", "rural, definitely|Unsure[answers=[1]]",
            "gwledig|Unsure[answers=[1]]", "town centres please|Unsure[answers=[4]]",
            "troseddau|Unsure[answers=[1, 4]]", "Mwy o heddlu yn y pentrefi|NotFound[part=Mwy o heddlu yn y pentrefi]",
            "Cyffuriau|Found[values=[3]]", "Road safety|Found[values=[2]]"})
    void aWordOfOneOptionsLabelIsOffered(String typed, String expected) {
        assertThat(matcher.single(PRIORITIES, typed).toString()).isEqualTo(expected);
    }
}
