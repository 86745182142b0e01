package org.engagebot.newsletters;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.engagebot.conversation.Messages;
import org.engagebot.newsletters.render.EmailDocument;
import org.engagebot.newsletters.render.MarkdownRenderer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a newsletter into outbox payloads. Markdown is rendered once per language into a {@link Template};
 * only the recipient's unsubscribe token is filled in per email. A null language gives both versions in
 * one message, Welsh first. Emails carry RFC 8058 one-click List-Unsubscribe headers and a visible link;
 * Telegram messages carry an Unsubscribe button ("/unsubscribe") and are split by the Telegram sender.
 */
@Singleton
class NewsletterRenderer {
    private static final String TOKEN = "UNSUBSCRIBETOKENPLACEHOLDER";

    private final MarkdownRenderer markdown;
    private final Messages messages;
    private final String publicUrl;
    private final String mailAddress;

    NewsletterRenderer(MarkdownRenderer markdown, Messages messages,
                       @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl,
                       @Nullable @Value("${engagebot.mail.address:}") String mailAddress) {
        this.markdown = markdown;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.mailAddress = mailAddress == null || mailAddress.isBlank() ? null : mailAddress.strip();
    }

    /** One language's rendering; {@code emailHtml}/{@code emailText} hold a placeholder for the token. */
    record Template(String subject, String emailHtml, String emailText, String telegramHtml, String plainText,
                    Choice unsubscribe) {
    }

    Template template(Newsletter n, Language lang) {
        String url = unsubscribeUrl(TOKEN);
        Text online = messages.get("newsletters.online-link", publicUrl + "/forms?lang=" + (lang == Language.EN ? "en" : "cy"));
        String footer = lang == null ? "<p>" + messages.get("newsletters.footer", url).cy() + "</p><p>"
                + messages.get("newsletters.footer", url).en() + "</p><p>" + online.cy() + "</p><p>" + online.en() + "</p>"
                : "<p>" + messages.get("newsletters.footer", url).in(lang) + "</p><p>" + online.in(lang) + "</p>";
        EmailDocument doc = markdown.wrapEmail(subject(n, lang), pick(lang, n, b -> markdown.toEmailHtml(b), "<hr>"),
                footer, lang == Language.EN ? "en" : "cy");
        String telegram = pick(lang, n, null, "\n\n— — —\n\n");
        String plain = pick(lang, n, b -> markdown.toPlainText(b), "\n\n---\n\n");
        Choice button = new Choice("/unsubscribe", messages.get("newsletters.button.unsubscribe").label(lang));
        return new Template(subject(n, lang), doc.html(), doc.text(), telegram, plain, button);
    }

    OutboundMessage email(Template t, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl(token) + ">"
                + (mailAddress == null ? "" : ", <mailto:" + mailAddress + "?subject=unsubscribe>"));
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("List-Id", "<newsletter." + host() + ">");
        return new OutboundMessage(t.subject(), t.emailText().replace(TOKEN, token), t.emailHtml().replace(TOKEN, token),
                null, List.of(), headers, null, null);
    }

    OutboundMessage telegram(Template t) {
        return new OutboundMessage(null, t.plainText(), null, t.telegramHtml(), List.of(t.unsubscribe()), Map.of(), null, null);
    }

    String unsubscribeUrl(String token) {
        return publicUrl + "/public/unsubscribe/" + token;
    }

    private String host() {
        String host = URI.create(publicUrl).getHost();
        return host == null ? "localhost" : host;
    }

    private static boolean bilingualSame(Newsletter n) {
        return n.title().en().equals(n.title().cy()) && n.body().en().equals(n.body().cy());
    }

    private static String subject(Newsletter n, Language lang) {
        return n.title().label(lang);
    }

    private String pick(Language lang, Newsletter n, java.util.function.Function<String, String> render, String separator) {
        if (lang != null || bilingualSame(n)) {
            return one(lang == null ? Language.EN : lang, n, render);
        }
        return one(Language.CY, n, render) + separator + one(Language.EN, n, render);
    }

    private String one(Language lang, Newsletter n, java.util.function.Function<String, String> render) {
        String body = lang == Language.CY ? n.body().cy() : n.body().en();
        if (render != null) {
            return render.apply(body);
        }
        String title = lang == Language.CY ? n.title().cy() : n.title().en();
        return "<b>" + escape(title) + "</b>\n\n" + markdown.toTelegramHtml(body);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
