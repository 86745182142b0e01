package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.util.List;

/**
 * The public page of an event in one language: what, when, where (with access), online link, how to reply and to
 * send a question (links to the web forms), and after the event the recording and "you said, we did". Every
 * value is escaped; the page's language is declared, with a link to the other language.
 */
@Singleton
class PublicEventPage {
    private static final String STYLE = "<style>body{font-family:Arial,sans-serif;font-size:1.1rem;line-height:1.5;"
            + "max-width:40em;margin:1rem auto;padding:0 1rem}a{color:#1d3f8f}</style>";

    private final EventTexts texts;

    PublicEventPage(EventTexts texts) {
        this.texts = texts;
    }

    String render(Event e, Language l, Instant now) {
        StringBuilder b = head(e.title().in(l) + " (" + e.reference() + ")", l);
        b.append("<h1>").append(esc(e.title().in(l))).append("</h1>\n<p>")
                .append(esc(texts.say("events.page.reference", l, e.reference()))).append("</p>\n");
        section(b, l, "events.page.about", e.description().in(l));
        section(b, l, "events.page.when", EventTexts.time(e.startsAt(), l) + " – " + EventTexts.time(e.endsAt(), l));
        section(b, l, "events.page.where", e.place());
        section(b, l, "events.page.access", e.access() == null ? null : e.access().in(l));
        if (e.online() != null) {
            heading(b, l, "events.page.online");
            link(b, e.online(), e.online());
        }
        if (e.openAt(now)) {
            heading(b, l, "events.page.reply");
            link(b, texts.formUrl(e.rsvpFlowId(), l), texts.say("events.page.reply-link", l));
            heading(b, l, "events.page.ask");
            if (e.takesQuestionsAt(now)) {
                link(b, texts.formUrl(e.questionFlowId(), l), texts.say("events.page.ask-link", l,
                        EventTexts.time(e.questionsCloseAt(), l)));
            } else {
                b.append("<p>").append(esc(texts.say("events.page.asks-closed", l,
                        EventTexts.time(e.questionsCloseAt(), l)))).append("</p>\n");
            }
        }
        if (e.recordingUrl() != null) {
            heading(b, l, "events.page.record");
            link(b, e.recordingUrl(), texts.say("events.page.recording", l));
        }
        Text feedback = e.feedback() != null ? e.feedback() : texts.get("events.page.no-feedback");
        section(b, l, "events.page.feedback", feedback.in(l));
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    String list(List<Event> events, Language l) {
        StringBuilder b = head(texts.say("events.page.list", l), l);
        b.append("<h1>").append(esc(texts.say("events.page.list", l))).append("</h1>\n<ul>\n");
        for (Event e : events) {
            b.append("<li><a href=\"/public/events/").append(e.id()).append("?lang=").append(l.code()).append("\">")
                    .append(esc(e.title().in(l))).append("</a>, ").append(esc(EventTexts.time(e.startsAt(), l)))
                    .append("</li>\n");
        }
        return b.append("</ul>\n</main>\n</body>\n</html>\n").toString();
    }

    StringBuilder head(String title, Language l) {
        Language other = l == Language.CY ? Language.EN : Language.CY;
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(l.code()).append("\">\n<head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title>").append(STYLE).append("</head>\n<body>\n")
                .append("<p><a href=\"?lang=").append(other.code()).append("\" lang=\"").append(other.code())
                .append("\" hreflang=\"").append(other.code()).append("\">")
                .append(esc(texts.say("events.page.other-language", l))).append("</a></p>\n<main>\n");
    }

    private void heading(StringBuilder b, Language l, String key) {
        b.append("<h2>").append(esc(texts.say(key, l))).append("</h2>\n");
    }

    private void section(StringBuilder b, Language l, String key, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        heading(b, l, key);
        for (String paragraph : body.split("\\n\\s*\\n")) {
            b.append("<p>").append(esc(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
        }
    }

    private static void link(StringBuilder b, String href, String label) {
        b.append("<p><a href=\"").append(esc(href)).append("\">").append(esc(label)).append("</a></p>\n");
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
