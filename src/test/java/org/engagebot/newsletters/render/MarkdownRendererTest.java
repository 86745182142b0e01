package org.engagebot.newsletters.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersBulletListForTelegram() {
        assertThat(renderer.toTelegramHtml("- one\n- *two*\n"))
                .isEqualTo("• one\n• <i>two</i>");
    }

    @Test
    void rendersOrderedListFromItsStartNumberForTelegram() {
        assertThat(renderer.toTelegramHtml("3. three\n4. four\n")).isEqualTo("3. three\n4. four");
    }

    @Test
    void indentsNestedListItems() {
        assertThat(renderer.toTelegramHtml("- a\n  - b\n- c\n")).isEqualTo("• a\n  • b\n• c");
    }

    @Test
    void rendersHeadingAsBoldLineAndSeparatesParagraphs() {
        assertThat(renderer.toTelegramHtml("# Newyddion\n\nFirst **bold** line\nsame paragraph.\n\nSecond."))
                .isEqualTo("<b>Newyddion</b>\n\nFirst <b>bold</b> line same paragraph.\n\nSecond.");
    }

    @Test
    void escapesAngleBracketsInTelegramOutput() {
        assertThat(renderer.toTelegramHtml("a < b & c > d, `x<y>`"))
                .isEqualTo("a &lt; b &amp; c &gt; d, <code>x&lt;y&gt;</code>");
    }

    @Test
    void dropsUnsupportedInlineHtmlButKeepsItsText() {
        assertThat(renderer.toTelegramHtml("<span style=\"x\">hi</span> <script>bad()</script>"))
                .doesNotContain("<span").doesNotContain("<script").contains("hi");
    }

    @Test
    void rendersHtmlBlockAsEscapedText() {
        assertThat(renderer.toTelegramHtml("<div>\n<p>a &lt; b</p>\n</div>\n")).isEqualTo("a &lt; b");
    }

    @Test
    void rendersLinksAndKeepsOnlySafeOnesForTelegram() {
        assertThat(renderer.toTelegramHtml("[Site](https://example.org/?a=1&b=\"2\") [bad](javascript:alert(1))"))
                .isEqualTo("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">Site</a> bad");
    }

    @Test
    void rendersImageAsLinkWithAltText() {
        assertThat(renderer.toTelegramHtml("![Map of Gwynedd](https://example.org/map.png)"))
                .isEqualTo("<a href=\"https://example.org/map.png\">Map of Gwynedd</a>");
    }

    @Test
    void neverNestsLinksForTelegram() {
        assertThat(renderer.toTelegramHtml("[![Logo](https://x.example/l.png)](https://x.example)"))
                .isEqualTo("<a href=\"https://x.example\">Logo</a>");
    }

    @Test
    void usesTheUrlAsTextOfAnEmptyLink() {
        assertThat(renderer.toTelegramHtml("[](https://x.example)"))
                .isEqualTo("<a href=\"https://x.example\">https://x.example</a>");
    }

    @Test
    void rendersBlockquoteOnceEvenWhenNested() {
        assertThat(renderer.toTelegramHtml("> outer\n>\n> > inner\n"))
                .isEqualTo("<blockquote>outer\n\ninner</blockquote>");
    }

    @Test
    void rendersFencedCodeWithLanguageForTelegram() {
        assertThat(renderer.toTelegramHtml("```java\nif (a < b) {}\n```\n"))
                .isEqualTo("<pre><code class=\"language-java\">if (a &lt; b) {}</code></pre>");
    }

    @Test
    void rendersTableAsTextLinesForTelegram() {
        assertThat(renderer.toTelegramHtml("| Area | Visits |\n|---|---|\n| Môn | 3 |\n"))
                .isEqualTo("<b>Area</b> | <b>Visits</b>\nMôn | 3");
    }

    @Test
    void rendersWelshTextWithCircumflexesIntact() {
        String markdown = "Croeso i'r **ŵyl** yn y tŷ â'r gân";
        assertThat(renderer.toTelegramHtml(markdown)).isEqualTo("Croeso i'r <b>ŵyl</b> yn y tŷ â'r gân");
        assertThat(renderer.toEmailHtml(markdown)).contains("<strong>ŵyl</strong> yn y tŷ â'r gân");
        assertThat(renderer.toPlainText(markdown)).isEqualTo("Croeso i'r ŵyl yn y tŷ â'r gân");
    }

    @Test
    void stripsScriptFromEmailHtml() {
        String html = renderer.toEmailHtml("Hello\n\n<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>");
        assertThat(html).doesNotContain("script").doesNotContain("alert").doesNotContain("onerror")
                .contains("<p>Hello</p>");
    }

    @Test
    void keepsOnlyHttpHttpsAndMailtoLinksInEmailHtml() {
        String html = renderer.toEmailHtml(
                "[a](https://a.example) [b](mailto:b@example.org) [c](javascript:x()) [d](ftp://d.example)");
        assertThat(html).contains("href=\"https://a.example\"").contains("href=\"mailto:b@example.org\"")
                .doesNotContain("javascript").doesNotContain("ftp:");
    }

    @Test
    void rendersTablesInEmailHtml() {
        assertThat(renderer.toEmailHtml("| a | b |\n|---|---|\n| 1 | 2 |\n")).contains("<table>").contains("<td>1</td>");
    }

    @Test
    void autolinksBareUrls() {
        assertThat(renderer.toEmailHtml("See https://opcc.example/news"))
                .contains("<a href=\"https://opcc.example/news\"");
    }

    @Test
    void writesLinksAsTextAndUrlInPlainText() {
        assertThat(renderer.toPlainText("Read [the report](https://x.example/r) or https://x.example"))
                .isEqualTo("Read the report (https://x.example/r) or https://x.example");
    }

    @Test
    void writesReadablePlainTextStructure() {
        String markdown = "# Title\n\nIntro.\n\n- one\n- two\n\n> quoted\n\n    code\n";
        assertThat(renderer.toPlainText(markdown))
                .isEqualTo("Title\n=====\n\nIntro.\n\n- one\n- two\n\n> quoted\n\n    code");
    }

    @Test
    void rendersEmptyMarkdownAsEmpty() {
        assertThat(renderer.toTelegramHtml("")).isEmpty();
        assertThat(renderer.toPlainText(null)).isEmpty();
        assertThat(renderer.toEmailHtml("")).isEmpty();
    }
}
