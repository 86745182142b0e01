package org.engagebot.newsletters;

import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.newsletters.render.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewsletterRendererTest {
    private final NewsletterRenderer renderer = new NewsletterRenderer(new MarkdownRenderer(),
            new Messages(List.of(new NewslettersMessages())), "https://engage.example.org/", "engage@opcc.example");

    private static Newsletter newsletter(Text title, Text body) {
        return new Newsletter(1, Newsletter.Kind.NEWSLETTER, title, body, List.of("event"), Audience.EVERYONE,
                Newsletter.Status.DRAFT, null, 0, 0, 0, "admin", Instant.EPOCH, null, null);
    }

    private final Newsletter winter = newsletter(new Text("Winter news", "Newyddion y gaeaf"),
            new Text("Funding is **open**.", "Mae cyllid **ar agor**."));

    @Test
    void welshReaderGetsOnlyTheWelshVersion() {
        NewsletterRenderer.Template t = renderer.template(winter, Language.CY);
        OutboundMessage email = renderer.email(t, "abc.DEF");
        assertThat(email.subject()).isEqualTo("Newyddion y gaeaf");
        assertThat(email.emailHtml()).contains("lang=\"cy\"", "Mae cyllid <strong>ar agor</strong>", "Dad-danysgrifiwch")
                .doesNotContain("Funding");
        assertThat(renderer.telegram(t).telegramHtml()).contains("<b>Newyddion y gaeaf</b>", "<b>ar agor</b>")
                .doesNotContain("Winter");
        assertThat(renderer.telegram(t).choices()).singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualTo("/unsubscribe"))
                .satisfies(c -> assertThat(c.label()).isEqualTo("Dad-danysgrifio"));
    }

    @Test
    void englishReaderGetsOnlyTheEnglishVersion() {
        OutboundMessage email = renderer.email(renderer.template(winter, Language.EN), "abc.DEF");
        assertThat(email.subject()).isEqualTo("Winter news");
        assertThat(email.emailHtml()).contains("lang=\"en\"", "Funding is <strong>open</strong>").doesNotContain("cyllid");
        assertThat(email.text()).contains("Funding is open").doesNotContain("cyllid");
    }

    @Test
    void readerOfUnknownLanguageGetsBothInOneMessageWelshFirst() {
        NewsletterRenderer.Template t = renderer.template(winter, null);
        OutboundMessage email = renderer.email(t, "abc.DEF");
        assertThat(email.subject()).isEqualTo("Newyddion y gaeaf / Winter news");
        assertThat(email.emailHtml().indexOf("ar agor")).isLessThan(email.emailHtml().indexOf("Funding"));
        String telegram = renderer.telegram(t).telegramHtml();
        assertThat(telegram.indexOf("Newyddion y gaeaf")).isGreaterThanOrEqualTo(0).isLessThan(telegram.indexOf("Winter news"));
        assertThat(renderer.telegram(t).choices().get(0).label()).isEqualTo("Dad-danysgrifio / Unsubscribe");
    }

    @Test
    void sameTextInBothLanguagesIsShownOnce() {
        Newsletter same = newsletter(new Text("Hello", "Hello"), new Text("Body text", "Body text"));
        String html = renderer.email(renderer.template(same, null), "t.k").emailHtml();
        assertThat(html.split("Body text", -1)).hasSize(2);
    }

    @Test
    void emailCarriesOneClickUnsubscribeHeadersAndAVisibleLink() {
        OutboundMessage email = renderer.email(renderer.template(winter, Language.EN), "abc.DEF");
        assertThat(email.emailHeaders()).containsEntry("List-Unsubscribe",
                        "<https://engage.example.org/public/unsubscribe/abc.DEF>, <mailto:engage@opcc.example?subject=unsubscribe>")
                .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .containsEntry("List-Id", "<newsletter.engage.example.org>");
        assertThat(email.emailHtml()).contains("href=\"https://engage.example.org/public/unsubscribe/abc.DEF\"")
                .doesNotContain("PLACEHOLDER");
        assertThat(email.text()).contains("https://engage.example.org/public/unsubscribe/abc.DEF");
    }
}
