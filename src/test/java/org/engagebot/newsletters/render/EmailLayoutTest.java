package org.engagebot.newsletters.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class EmailLayoutTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void wrapsBodyInACompleteDocumentWithLanguageAndTitle() {
        EmailDocument email = renderer.wrapEmail("Cylchlythyr & newyddion", "<p>Helo</p>", "<p>Dad-danysgrifio</p>", "cy");
        Document document = Jsoup.parse(email.html());
        assertThat(email.html()).startsWith("<!DOCTYPE html>");
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("cy");
        assertThat(document.title()).isEqualTo("Cylchlythyr & newyddion");
        assertThat(document.select("h1").text()).isEqualTo("Cylchlythyr & newyddion");
        assertThat(email.html()).contains("max-width:600px").contains("<meta charset=\"utf-8\">");
    }

    @Test
    void usesNoExternalResourcesOrStyleSheets() {
        EmailDocument email = renderer.wrapEmail("T", "<p>x</p>", "", "en");
        assertThat(email.html()).doesNotContain("<link").doesNotContain("<script").doesNotContain("<style")
                .doesNotContain("src=");
    }

    @Test
    void stylesBodyElementsInline() {
        EmailDocument email = renderer.wrapEmail("T", renderer.toEmailHtml("[a](https://a.example)\n\n> q"), "", "en");
        Document document = Jsoup.parse(email.html());
        assertThat(document.selectFirst("a").attr("style")).contains("color:");
        assertThat(document.selectFirst("blockquote").attr("style")).contains("border-left");
    }

    @Test
    void sanitisesBodyAndFooterAgain() {
        EmailDocument email = renderer.wrapEmail("T", "<p onclick=\"x()\">hi</p><script>bad()</script>",
                "<a href=\"javascript:x()\">unsubscribe</a>", "en");
        assertThat(email.html()).doesNotContain("onclick").doesNotContain("bad()").doesNotContain("javascript");
    }

    @Test
    void fallsBackToEnglishForAMalformedLanguage() {
        EmailDocument email = renderer.wrapEmail("T", "", "", "\"><script>");
        assertThat(Jsoup.parse(email.html()).selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void writesATextAlternativeWithTitleBodyAndFooter() {
        String body = renderer.toEmailHtml("Helo **pawb**.\n\n- un\n- dau\n\n[Ein gwefan](https://opcc.example)");
        EmailDocument email = renderer.wrapEmail("Newyddion yr ŵyl", body, "<p>Anfonwyd atoch chi</p>", "cy");
        assertThat(email.text()).isEqualTo("""
                Newyddion yr ŵyl
                ================

                Helo pawb.

                - un
                - dau

                Ein gwefan (https://opcc.example)

                --\s
                Anfonwyd atoch chi
                """);
    }

    @Test
    void keepsWelshLettersAsCharactersInHtml() {
        EmailDocument email = renderer.wrapEmail("Tŷ", "<p>ŵ ŷ â</p>", "", "cy");
        assertThat(email.html()).contains("ŵ ŷ â").contains("<title>Tŷ</title>");
    }
}
