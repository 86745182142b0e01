package org.engagebot.channel.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Language;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /forms: what a person can do online (the menu's flows and the consultations open now), with any message waiting
 * for their web session (shown, left waiting: the session's next turn takes it); GET /forms/embed: how to link to the forms from another website. Welsh unless asked.
 */
@Controller("/forms")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
class FormsListController {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final FormIds ids;
    private final WebRequests web;
    private final WebTurns turns;
    private final PageModel pages;
    private final WebSettings settings;

    FormsListController(FormIds ids, WebRequests web, WebTurns turns, PageModel pages, WebSettings settings) {
        this.ids = ids;
        this.web = web;
        this.turns = turns;
        this.pages = pages;
        this.settings = settings;
    }

    record Entry(String url, String title, @Nullable String note) {
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String lang) {
        WebRequests.Visitor visitor = web.visitor(request);
        Language l = Language.parse(lang).or(() -> java.util.Optional.ofNullable(visitor.language())).orElse(Language.CY);
        WebText t = pages.text(l);
        Map<String, Object> model = pages.base(l, "/forms", t.get("web.list.heading"));
        model.put("forms", ids.menu().stream().map(f -> new Entry("/forms/" + f.pathId() + "?lang=" + l.code(),
                f.title().in(l), null)).toList());
        model.put("consultations", ids.openConsultations().stream().map(f -> new Entry("/forms/" + f.pathId() + "?lang="
                + l.code(), f.title().in(l) + " (" + f.pathId() + ")", t.fmt("web.list.closes", date(f, l)))).toList());
        List<String> waiting = visitor.key() == null ? List.of()
                : turns.peekWaiting(visitor.key()).stream().map(OutboundMessage::text).toList();
        model.put("messages", waiting);
        return PageModel.render(HttpStatus.OK, "web/list", model);
    }

    @Get("/embed")
    MutableHttpResponse<?> embed(@Nullable @QueryValue String lang) {
        Language l = Language.parse(lang).orElse(Language.CY);
        WebText t = pages.text(l);
        Map<String, Object> model = pages.base(l, "/forms/embed", t.get("web.embed.heading"));
        String base = settings.publicUrl + "/forms/";
        model.put("links", ids.menu().stream().map(f -> new Entry(base + f.pathId() + "?lang=" + l.code(), f.title().in(l),
                null)).toList());
        String example = ids.openConsultations().stream().map(FormIds.Form::pathId).findFirst().orElse("CON-2026-01");
        model.put("consultationNote", t.fmt("web.embed.consultation", example));
        model.put("buttonHtml", "<a href=\"" + base + "register?lang=" + l.code() + "\" style=\"display:inline-block;"
                + "padding:8px 12px;background:#00703c;color:#fff;font-weight:bold;text-decoration:none;border-radius:0\">"
                + ids.menu().stream().filter(f -> f.pathId().equals("register")).findFirst().map(f -> f.title().in(l))
                .orElse("Register") + "</a>");
        return PageModel.render(HttpStatus.OK, "web/embed", model);
    }

    private static String date(FormIds.Form f, Language l) {
        return f.closesAt() == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", l == Language.CY
                ? Locale.forLanguageTag("cy") : Locale.UK).format(f.closesAt().atZone(LONDON));
    }
}
