package org.engagebot.conversation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class FoldTest {

    @Test
    void foldsAccentsApostrophesCaseAndPunctuationAsPeopleMeanThem() {
        assertThat(Fold.fold("  Rwy'n  HAPUS—iawn!  ")).isEqualTo("rwyn hapus iawn");
        assertThat(Fold.fold("Dŵr â Chân")).isEqualTo("dwr a chan");
        assertThat(Fold.fold("don’t-stop")).isEqualTo("dont stop");
        assertThat(Fold.fold("a-'b")).isEqualTo("a b");
        assertThat(Fold.fold("...")).isEmpty();
        assertThat(Fold.fold(null)).isEmpty();
    }

    @Test
    void theAsciiShortcutFoldsExactlyAsTheFullFoldDoes() {
        Random random = new Random(13);
        String alphabet = "aZ09 -_'`.,/!?\t\n:;\"()&";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                char c = random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) random.nextInt(0x80);
                text.append(c);
            }
            String s = text.toString();
            assertThat(Fold.foldAscii(s)).as("fold of %s", s.chars().boxed().toList()).isEqualTo(Fold.foldUnicode(s));
        }
        assertThat(Fold.foldAscii("café")).isNull();
    }
}
