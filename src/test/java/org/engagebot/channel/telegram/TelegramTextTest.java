package org.engagebot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTest {

    @Test
    void escapesAmpersandAngleBracketsAndQuotes() {
        assertThat(TelegramText.escapeHtml("a < b && c > \"d\""))
                .isEqualTo("a &lt; b &amp;&amp; c &gt; &quot;d&quot;");
    }

    @Test
    void leavesWelshLettersAlone() {
        assertThat(TelegramText.escapeHtml("Croeso i'r ŵyl — tŷ â chân")).isEqualTo("Croeso i'r ŵyl — tŷ â chân");
    }

    @Test
    void returnsShortMessageUnchanged() {
        assertThat(TelegramText.split("<b>Hello</b> world", 4096)).containsExactly("<b>Hello</b> world");
    }

    @Test
    void returnsNoChunksForBlankMessage() {
        assertThat(TelegramText.split("  \n ", 10)).isEmpty();
        assertThat(TelegramText.splitPlain("", 10)).isEmpty();
    }

    @Test
    void rejectsLimitTooSmallForASurrogatePair() {
        assertThatThrownBy(() -> TelegramText.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsEntitiesAsOneCharacter() {
        assertThat(TelegramText.length("<b>a &amp; b</b>")).isEqualTo(5);
        assertThat(TelegramText.length("&lt;&gt;&quot;&#128512;")).isEqualTo(5);
        assertThat(TelegramText.split("&amp;&amp;&amp;&amp;", 4)).containsExactly("&amp;&amp;&amp;&amp;");
    }

    @Test
    void tagsDoNotCountTowardsTheLimit() {
        String html = "<b><i><u>abcde</u></i></b>";
        assertThat(TelegramText.split(html, 5)).containsExactly(html);
    }

    @Test
    void splitsLongMessageAtParagraphBoundaries() {
        String first = "First paragraph. It has two sentences.";
        String second = "Second paragraph is here.";
        List<String> chunks = TelegramText.split(first + "\n\n" + second, 50);
        assertThat(chunks).containsExactly(first, second);
    }

    @Test
    void prefersLineBreakOverSpaceWhenNoParagraphBreakFits() {
        List<String> chunks = TelegramText.splitPlain("one two three four\nfive six seven", 25);
        assertThat(chunks).containsExactly("one two three four", "five six seven");
    }

    @Test
    void prefersSentenceEndOverPlainSpace() {
        List<String> chunks = TelegramText.splitPlain("Short one. Then a longer sentence that goes on", 18);
        assertThat(chunks.get(0)).isEqualTo("Short one.");
    }

    @Test
    void takesALateWordBreakOverAnEarlyParagraphBreak() {
        String text = "Hi\n\n" + "word ".repeat(20).trim();
        List<String> chunks = TelegramText.splitPlain(text, 40);
        assertThat(chunks.get(0)).startsWith("Hi\n\nword").hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void neverSplitsInsideEntityOrTag() {
        String html = "<a href=\"https://example.org/a-long-path\">x&amp;y&lt;z</a>".repeat(4);
        for (int limit = 2; limit <= 20; limit++) {
            for (String chunk : TelegramText.split(html, limit)) {
                assertThat(chunk).doesNotContainPattern("&[a-z]*$").doesNotContainPattern("^[a-z]*;");
                assertThat(chunk).doesNotContainPattern("<[^>]*$").doesNotContainPattern("^[^<]*>");
                assertThat(TelegramText.length(chunk)).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void reopensBoldTagInNextChunk() {
        List<String> chunks = TelegramText.split("<b>alpha beta gamma</b>", 11);
        assertThat(chunks).containsExactly("<b>alpha beta</b>", "<b>gamma</b>");
    }

    @Test
    void reopensNestedTagsWithTheirAttributes() {
        String html = "<a href=\"https://x.org\"><i>one two three four</i></a>";
        List<String> chunks = TelegramText.split(html, 10);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk)
                .startsWith("<a href=\"https://x.org\"><i>").endsWith("</i></a>"));
        assertThat(chunks).hasSize(2);
    }

    @Test
    void keepsCodeBlockLanguageWhenSplittingPre() {
        String html = "<pre><code class=\"language-java\">int a = 1;\nint b = 2;\nint c = 3;</code></pre>";
        List<String> chunks = TelegramText.split(html, 22);
        assertThat(chunks).containsExactly(
                "<pre><code class=\"language-java\">int a = 1;\nint b = 2;</code></pre>",
                "<pre><code class=\"language-java\">int c = 3;</code></pre>");
    }

    @Test
    void keepsIndentationAfterALineBreakAtASplit() {
        List<String> chunks = TelegramText.splitPlain("line one here\n    indented", 14);
        assertThat(chunks).containsExactly("line one here", "    indented");
    }

    @Test
    void keepsSurrogatePairsWhole() {
        String text = "😀".repeat(10);
        for (int n = 2; n <= 7; n++) {
            int limit = n;
            List<String> chunks = TelegramText.splitPlain(text, limit);
            assertThat(String.join("", chunks)).isEqualTo(text);
            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk.length()).isLessThanOrEqualTo(limit);
                assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            });
        }
    }

    @Test
    void keepsCombiningCircumflexWithItsLetter() {
        String decomposed = "w\u0302".repeat(6);
        List<String> chunks = TelegramText.splitPlain(decomposed, 3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).matches("(w\u0302)+"));
    }

    @Test
    void keepsEmojiJoinedByZeroWidthJoinerTogether() {
        String family = "👩\u200D👩\u200D👧";
        List<String> chunks = TelegramText.splitPlain("ab" + family + family, 10);
        assertThat(chunks).containsExactly("ab" + family, family);
    }

    @Test
    void cutsAnOverlongWordHard() {
        List<String> chunks = TelegramText.splitPlain("x".repeat(25), 10);
        assertThat(chunks).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }

    @Test
    void splitsWelshTextWithCircumflexesIntact() {
        String text = "Mae'r ŵyl yn y tŷ â'r gân. ".repeat(20).trim();
        List<String> chunks = TelegramText.split(TelegramText.escapeHtml(text), 60);
        assertThat(String.join(" ", chunks).replace("&#39;", "'")).isEqualTo(text);
    }
}
