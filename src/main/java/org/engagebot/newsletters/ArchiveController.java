package org.engagebot.newsletters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.newsletters.render.MarkdownRenderer;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Public archive of sent newsletters (not broadcasts), one language per page (?lang=cy|en, Welsh by default). */
@Controller("/public/newsletters")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class ArchiveController {
    private final NewsletterStore store;
    private final MarkdownRenderer markdown;
    private final Messages messages;

    ArchiveController(NewsletterStore store, MarkdownRenderer markdown, Messages messages) {
        this.store = store;
        this.markdown = markdown;
        this.messages = messages;
    }

    @Get
    String index(@Nullable @QueryValue String lang) {
        Language language = language(lang);
        List<Newsletter> sent = store.published(Newsletter.Kind.NEWSLETTER, 500);
        StringBuilder body = new StringBuilder("<h1>" + text("newsletters.archive.title", language) + "</h1>\n")
                .append(switcher("/public/newsletters", language));
        if (sent.isEmpty()) {
            body.append("<p>").append(text("newsletters.archive.empty", language)).append("</p>");
        } else {
            body.append("<ul>\n");
            for (Newsletter n : sent) {
                body.append("<li><a href=\"/public/newsletters/").append(n.id()).append("?lang=").append(language.code())
                        .append("\">").append(PublicPage.esc(title(n, language))).append("</a> <time datetime=\"")
                        .append(date(n)).append("\">").append(date(n)).append("</time></li>\n");
            }
            body.append("</ul>");
        }
        return PublicPage.render(language.code(), messages.get("newsletters.archive.title").in(language), body.toString());
    }

    @Get("/{id}")
    HttpResponse<String> show(@PathVariable long id, @Nullable @QueryValue String lang) {
        Language language = language(lang);
        Optional<Newsletter> found = store.byId(id).filter(n -> n.published() && n.kind() == Newsletter.Kind.NEWSLETTER);
        if (found.isEmpty()) {
            String body = "<h1>" + text("newsletters.archive.title", language) + "</h1><p>"
                    + text("newsletters.archive.missing", language) + "</p>";
            return HttpResponse.<String>notFound().body(PublicPage.render(language.code(), "404", body))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        Newsletter n = found.get();
        String body = "<p><a href=\"/public/newsletters?lang=" + language.code() + "\">"
                + text("newsletters.archive.back", language) + "</a></p>\n"
                + switcher("/public/newsletters/" + id, language)
                + "<article><h1>" + PublicPage.esc(title(n, language)) + "</h1>\n<p><time datetime=\"" + date(n) + "\">"
                + date(n) + "</time></p>\n"
                + markdown.toEmailHtml(language == Language.CY ? n.body().cy() : n.body().en()) + "\n</article>";
        return HttpResponse.ok(PublicPage.render(language.code(), title(n, language), body));
    }

    private String switcher(String path, Language current) {
        Language other = current == Language.CY ? Language.EN : Language.CY;
        return "<p><a href=\"" + path + "?lang=" + other.code() + "\" lang=\"" + other.code() + "\" hreflang=\""
                + other.code() + "\">" + text("newsletters.archive.other", current) + "</a></p>\n";
    }

    private String text(String key, Language language) {
        return PublicPage.esc(messages.get(key).in(language));
    }

    private static Language language(String lang) {
        return Language.parse(lang).orElse(Language.CY);
    }

    private static String title(Newsletter n, Language language) {
        return language == Language.CY ? n.title().cy() : n.title().en();
    }

    private static String date(Newsletter n) {
        return n.startedAt() == null ? "" : LocalDate.ofInstant(n.startedAt(), ZoneId.of("Europe/London")).toString();
    }
}
