package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.jsoup.nodes.Entities;

/**
 * The public page of a consultation in one language: summary, what can and cannot change, dates, the reason
 * for a short window, questions, how to respond, and the outcome ("you said, we did") once given. Every value
 * is HTML-escaped; headings in order, the page's language declared and a link to the other language.
 */
@Singleton
class PublicPage {
    private final ConsultationTexts texts;

    PublicPage(ConsultationTexts texts) {
        this.texts = texts;
    }

    String render(Consultation c, Language l) {
        StringBuilder b = new StringBuilder();
        String title = c.title().in(l);
        Language other = l == Language.CY ? Language.EN : Language.CY;
        b.append("<!DOCTYPE html>\n<html lang=\"").append(l.code()).append("\">\n<head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append(" (").append(esc(c.reference())).append(")</title>")
                .append("<style>body{font-family:Arial,sans-serif;font-size:1.1rem;line-height:1.5;max-width:40em;"
                        + "margin:1rem auto;padding:0 1rem}a{color:#1d3f8f}</style></head>\n<body>\n")
                .append("<nav aria-label=\"").append(esc(texts.say("consultations.page.language-nav", l))).append("\"><a href=\"?lang=")
                .append(other.code()).append("\" lang=\"").append(other.code())
                .append("\" hreflang=\"").append(other.code()).append("\">")
                .append(esc(texts.say("consultations.page.other-language", l))).append("</a></nav>\n<main>\n")
                .append("<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(esc(texts.say("consultations.page.title", l, c.reference()))).append("</p>\n")
                .append("<p><a href=\"/forms/").append(esc(c.reference())).append("?lang=").append(l.code())
                .append("\" style=\"display:inline-block;padding:8px 12px;background:#00703c;color:#fff;font-weight:bold\">")
                .append(esc(texts.say("consultations.page.respond-online", l))).append("</a></p>\n");
        section(b, l, "consultations.page.summary", c.summary());
        section(b, l, "consultations.page.can-change", c.canChange());
        section(b, l, "consultations.page.cannot-change", c.cannotChange());
        section(b, l, "consultations.page.dates", new Text(texts.say("consultations.page.open-from", Language.EN,
                ConsultationTexts.date(c.opensAt(), Language.EN), ConsultationTexts.date(c.closesAt(), Language.EN)),
                texts.say("consultations.page.open-from", Language.CY, ConsultationTexts.date(c.opensAt(), Language.CY),
                        ConsultationTexts.date(c.closesAt(), Language.CY))));
        section(b, l, "consultations.page.short-reason", c.shortReason());
        b.append("<h2>").append(esc(texts.say("consultations.page.questions", l))).append("</h2>\n<ol>\n");
        c.questions().forEach(q -> b.append("<li>").append(esc(q.text().in(l))).append("</li>\n"));
        b.append("</ol>\n");
        section(b, l, "consultations.page.how", ConsultationTexts.both(x -> texts.say("consultations.page.how-text", x,
                c.reference())));
        section(b, l, "consultations.page.outcome", c.outcome() != null ? c.outcome()
                : texts.get("consultations.page.no-outcome"));
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private void section(StringBuilder b, Language l, String headingKey, Text body) {
        if (body == null) {
            return;
        }
        b.append("<h2>").append(esc(texts.say(headingKey, l))).append("</h2>\n");
        for (String paragraph : body.in(l).split("\\n\\s*\\n")) {
            b.append("<p>").append(esc(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
        }
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
