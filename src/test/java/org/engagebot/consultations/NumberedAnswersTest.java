package org.engagebot.consultations;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NumberedAnswersTest {

    @Test
    void splitsAnswersOnTheirOwnLines() {
        assertThat(NumberedAnswers.split("1. More lighting\nin the park\n2) Yes\n3. 4", 3))
                .containsExactly(Map.entry(1, "More lighting\nin the park"), Map.entry(2, "Yes"), Map.entry(3, "4"));
    }

    @Test
    void splitsInlineAnswersAndKeepsNumbersInsideSentences() {
        assertThat(NumberedAnswers.split("1. yes, open until 3. 2. no", 2))
                .containsExactly(Map.entry(1, "yes, open until 3."), Map.entry(2, "no"));
        assertThat(NumberedAnswers.split("Hi, my answers: 1. We waited 2.5 hours 2. no", 2))
                .containsExactly(Map.entry(1, "We waited 2.5 hours"), Map.entry(2, "no"));
    }

    @Test
    void unnumberedOrOutOfSequenceTextIsNotSplit() {
        assertThat(NumberedAnswers.split("I think the park needs more lighting.", 3)).isEmpty();
        assertThat(NumberedAnswers.split("2. no 3. yes", 3)).isEmpty();
    }
}
