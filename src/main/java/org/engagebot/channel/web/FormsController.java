package org.engagebot.channel.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.StepView;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * GET /forms/{id}?lang=cy|en opens a form where the session is (starting its flow through the engine when the session
 * is in none; when it is part-way through another form, only a page with a button to POST /{id}/start);
 * POST /forms/{id} sends the page's answer (or, with action=back or action=change:STEP, goes back a step or to an
 * answer to change) as one inbound message; GET /back and GET /change/{step} only redirect to the current page. Every
 * write is rate limited; a POST also needs the session's CSRF token and a signed page token.
 */
@Controller("/forms")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
class FormsController {
    private final FormIds ids;
    private final WebRequests web;
    private final WebTurns turns;
    private final FormPages pages;
    private final PageModel model;
    private final FormAnswers answers;
    private final FormSwitch switcher;

    FormsController(FormIds ids, WebRequests web, WebTurns turns, FormPages pages, PageModel model, FormAnswers answers,
                    FormSwitch switcher) {
        this.ids = ids;
        this.web = web;
        this.turns = turns;
        this.pages = pages;
        this.model = model;
        this.answers = answers;
        this.switcher = switcher;
    }

    @Get("/{id}")
    MutableHttpResponse<?> open(HttpRequest<?> request, String id, @Nullable @QueryValue String lang) {
        WebRequests.Visitor visitor = web.visitor(request);
        Optional<FormIds.Form> form = ids.find(id);
        Language language = Language.parse(lang).orElse(visitor.language());
        if (form.isEmpty()) {
            return model.notice(HttpStatus.NOT_FOUND, language, "/forms", "web.not-found.heading", "web.not-found",
                    "/forms", "web.forms-link");
        }
        if (language == null) {
            return web.chooseLanguage("/forms/" + form.get().pathId());
        }
        if (!web.allow(request, visitor)) {
            return web.slowDown(language, "/forms/" + form.get().pathId());
        }
        WebRequests.Session session = web.session(visitor, language);
        Participant p = session.participant();
        Optional<StepView> view = turns.view(p);
        Optional<FormIds.Form> elsewhere = switcher.elsewhere(form.get(), view);
        if (elsewhere.isPresent()) {
            return session.withCookie(switcher.page(form.get(), elsewhere.get(), session.key(), p.language()));
        }
        WebTurns.Turn turn = WebTurns.Turn.NONE;
        boolean started = false;
        // A flow with no form of its own (e.g. the code question a registration leads to) continues on this page.
        if (view.isEmpty()) {
            turn = turns.send(session.key(), WebRequests.messageId(), form.get().start());
            view = turns.view(p);
            started = true;
        }
        MutableHttpResponse<?> page = view.isPresent()
                ? answers.state(form.get(), session.key(), p.language(), view.get(), FormPages.Extras.NONE, turn)
                : pages.done(form.get(), p.language(), started ? turn.texts() : answers.lastTexts(session.key()), false);
        return session.withCookie(page);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> answer(HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> body) {
        return answers.answer(request, id, FormBody.of(body));
    }

    /** The button on the page that GET shows when the session is part-way through another form. */
    @Post("/{id}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> body) {
        return switcher.start(request, id, FormBody.of(body));
    }

    /** An old "Back" link, bookmark or prefetch: shows where the session is and changes nothing (Back is a POST). */
    @Get("/{id}/back")
    MutableHttpResponse<?> back(String id) {
        return HttpResponse.seeOther(URI.create("/forms/" + ids.find(id).map(FormIds.Form::pathId).orElse("")));
    }

    /** An old "Change" link, bookmark or prefetch: shows where the session is and changes nothing (Change is a POST). */
    @Get("/{id}/change/{stepId}")
    MutableHttpResponse<?> change(String id, String stepId) {
        return back(id);
    }
}
