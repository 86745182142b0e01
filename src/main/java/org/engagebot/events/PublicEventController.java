package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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

import java.time.Clock;

/** GET /public/events (invited events) and /public/events/{id}?lang=cy|en (Welsh unless English is asked for). */
@Controller("/public/events")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicEventController {
    private final EventStore store;
    private final PublicEventPage page;
    private final EventTexts texts;
    private final Clock clock;

    PublicEventController(EventStore store, PublicEventPage page, EventTexts texts, Clock clock) {
        this.store = store;
        this.page = page;
        this.texts = texts;
        this.clock = clock;
    }

    @Get
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    String list(@Nullable @QueryValue String lang) {
        Language l = Language.parse(lang).orElse(Language.CY);
        return page.list(store.all().stream().filter(e -> e.invitedAt() != null).toList(), l);
    }

    @Get("/{id}")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> show(long id, @Nullable @QueryValue String lang) {
        Language l = Language.parse(lang).orElse(Language.CY);
        return store.byId(id).filter(e -> e.invitedAt() != null)
                .map(e -> HttpResponse.ok(page.render(e, l, clock.instant())))
                .orElseGet(() -> HttpResponse.<String>notFound().body(page.head("404", l).append("<h1>")
                        .append(PublicEventPage.esc(texts.say("events.page.not-found", l)))
                        .append("</h1></main></body></html>").toString()));
    }
}
