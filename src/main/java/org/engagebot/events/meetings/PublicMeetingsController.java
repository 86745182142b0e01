package org.engagebot.events.meetings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Language;
import org.engagebot.events.EventTexts;
import org.jsoup.nodes.Entities;

import java.util.List;

/** GET /public/meetings?lang=cy|en: the meetings marked public, with their next date and place. No attendees. */
@Controller("/public/meetings")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicMeetingsController {
    private final MeetingStore store;
    private final EventTexts texts;

    PublicMeetingsController(MeetingStore store, EventTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    @Get
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    String list(@Nullable @QueryValue String lang) {
        Language l = Language.parse(lang).orElse(Language.CY);
        Language other = l == Language.CY ? Language.EN : Language.CY;
        List<Meeting> open = store.all().stream().filter(Meeting::isPublic).toList();
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(l.code()).append("\">\n<head>")
                .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(texts.say("meetings.page.title", l))).append("</title></head>\n<body>\n")
                .append("<p><a href=\"?lang=").append(other.code()).append("\" lang=\"").append(other.code()).append("\">")
                .append(esc(texts.say("events.page.other-language", l))).append("</a></p>\n<main>\n<h1>")
                .append(esc(texts.say("meetings.page.title", l))).append("</h1>\n<p>")
                .append(esc(texts.say("meetings.page.intro", l))).append("</p>\n");
        if (open.isEmpty()) {
            b.append("<p>").append(esc(texts.say("meetings.page.none", l))).append("</p>\n");
        }
        for (Meeting m : open) {
            b.append("<h2>").append(esc(m.name())).append("</h2>\n<p>").append(esc(m.body())).append("</p>\n<ul>\n<li>")
                    .append(esc(texts.say("meetings.page.next", l, EventTexts.time(m.nextAt(), l)))).append("</li>\n");
            if (m.place() != null) {
                b.append("<li>").append(esc(texts.say("meetings.page.where", l, m.place()))).append("</li>\n");
            }
            b.append("<li>").append(esc(texts.say("meetings.page.frequency", l, l == Language.CY ? m.frequency().cy
                    : m.frequency().en))).append("</li>\n</ul>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }
}
