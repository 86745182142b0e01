package org.engagebot.conversation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Cymraeg or English?" answered as outsiders typed it (session 8, written unseen before running): typos, codes,
 * emoji and courtesy in both languages. LanguageAnswerTest holds the earlier rows.
 */
class LanguageAnswerBatchTest {
    @TempDir
    static Path dir;
    static EngineHarness h;
    static final AtomicLong ids = new AtomicLong(500);

    @BeforeAll
    static void harness() throws Exception {
        h = new EngineHarness(dir);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "cymraeg \uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC77\uDB40\uDC6C\uDB40\uDC73|cy", "Cymraeg, diolch|cy",
            "Cymraeg os gwelwch chi'n dda|cy", "cymrag|cy", "Cymreag|cy", "Gymraeg|cy", "welsh pls|cy", "WELSH!|cy",
            "yn y Gymraeg|cy", "Cymraeg / Welsh|cy", "cy|cy", "Cymraeg yn unig|cy",
            "Saesneg plis|en", "saesneg|en", "englsh|en", "english \uD83C\uDDEC\uD83C\uDDE7|en", "in English|en", "en|en",
            "English only|en", "Saesneg, diolch|en",
            "Dim Saesneg|none", "no welsh|none", "Dim ots|none",
            // session 10, walking the terminal chat
            "mae'n well gen i Gymraeg|cy", "Byddai'n well gennym ni'r Gymraeg|cy", "Gwell gen i Gymraeg|cy",
            "I'd prefer Welsh|cy", "I'd rather English please|en", "English is fine for me|en",
            "Cymraeg os gwelwch yn dda|cy", "well gen i Saesneg|en", "I don't speak Welsh|none"})
    void typedLanguageChoice(String typed, String expected) {
        EngineHarness.Chat chat = h.chat(ids.incrementAndGet(), null);
        chat.send("/start");
        chat.send(typed);
        assertThat(chat.language() == null ? "none" : chat.language().code()).isEqualTo(expected);
    }
}
