package org.engagebot.conversation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnownDetailLabelTest {
    private final Messages messages = new Messages(List.of());
    private final KnownDetailLabel label = new KnownDetailLabel(messages);

    @Test
    void theButtonsLabelTypedInEitherLanguageMayBeIt() {
        for (String detail : List.of("jo@example.org", "Wrexham Food Bank", "01248 383000", "Caffi'r Gymuned", "ŵyl")) {
            Text shown = messages.get("choice.use-known", detail);
            assertThat(label.couldBe(shown.en())).isTrue();
            assertThat(label.couldBe(shown.cy())).isTrue();
            assertThat(label.couldBe("  " + shown.en().toUpperCase() + "!")).isTrue();
        }
    }

    @Test
    void anAnswerThatDoesNotStartWithTheButtonsWordsCannotBeIt() {
        assertThat(label.couldBe("jo@example.org")).isFalse();
        assertThat(label.couldBe("user@example.org")).isFalse();
        assertThat(label.couldBe("Wrexham Food Bank")).isFalse();
        assertThat(label.couldBe("defnyddiol")).isFalse();
    }
}
