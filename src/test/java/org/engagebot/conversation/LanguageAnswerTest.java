package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The first question, "Cymraeg or English?", answered by typing as people do, through the engine. */
class LanguageAnswerTest {
    @TempDir
    static Path dir;
    static EngineHarness h;
    static final AtomicLong ids = new AtomicLong();

    @BeforeAll
    static void harness() throws Exception {
        h = new EngineHarness(dir);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "Cymraeg|cy", "cymraeg|cy", "CYMRAEG|cy", "Cymraeg plis|cy", "cymraeg plîs|cy", "Cymraeg os gwelwch yn dda|cy",
            "Yn Gymraeg|cy", "yn gymraeg, diolch|cy", "Cymraeg!|cy", "Cymraeg.|cy", "Welsh|cy", "welsh please|cy",
            "In Welsh please|cy", "Hoffwn siarad Cymraeg|cy", "Dwi eisiau Cymraeg|cy", "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73|cy",
            "English|en", "english please|en", "English!|en", "Saesneg|en", "Saesneg os gwelwch yn dda|en",
            "yn Saesneg|en", "In English, thanks|en", "ENGLISH|en", "I'd prefer English|en",
            "Welsh or English|none", "both|none", "y ddwy|none", "not Welsh|none", "dim Cymraeg|none", "hello|none",
            "Welsh Women's Aid|none",
            // session 11 (talk3), written unseen: short forms, "only", a yes before the language, stretched letters
            "English only please|en", "only English|en", "Saesneg yn unig|en", "yes please but only in english|en",
            "Ie, Cymraeg|cy", "ia cymraeg plis|cy", "Cymraeg 👍|cy", "Gymraeg plis|cy", "welsh ta|cy", "ENG|en",
            "Cymraeggg|cy", "Englishhh please|en", "English is fine thanks|en", "no, English|none", "Cymraeg a Saesneg|none"})
    void typedLanguageChoice(String typed, String expected) {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), null);
        chat.send("/start");
        chat.send(typed);
        assertThat(chat.language() == null ? "none" : chat.language().code()).isEqualTo(expected);
    }
}
