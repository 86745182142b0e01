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
        Optional<StepView> shown = visitor.participant().flatMap(p -> turns.view(p.withLanguage(language)));
        if (shown.isPresent()) {
            return show(form.get(), visitor.key(), language, shown.get());
        }
        return start(form.get(), web.session(visitor, language));
    }

    /**
     * A session part-way through a form: its page in the language asked for, which is not stored (a GET changes
     * nothing; the page's next POST carries the language). Messages waiting for the session are shown, not taken.
     */
    private MutableHttpResponse<?> show(FormIds.Form form, String key, Language language, StepView view) {
        Optional<FormIds.Form> elsewhere = switcher.elsewhere(form, Optional.of(view));
        if (elsewhere.isPresent()) {
            return switcher.page(form, elsewhere.get(), key, language);
        }
        return answers.state(form, key, language, view, FormPages.Extras.NONE, WebTurns.Turn.waiting(turns.peekWaiting(key)));
    }

    /** A session in no form (or a new one): GET starts this form, in the language asked for (the contract's start). */
    private MutableHttpResponse<?> start(FormIds.Form form, WebRequests.Session session) {
        WebTurns.Turn turn = turns.send(session.key(), WebRequests.messageId(), form.start()).after(session.turn());
        Participant p = turns.participant(session.key()).orElseThrow();
        Optional<StepView> view = turns.view(p);
        // A flow with no form of its own (e.g. the code question a registration leads to) continues on this page.
        MutableHttpResponse<?> page = view.isPresent()
                ? answers.state(form, session.key(), p.language(), view.get(), FormPages.Extras.NONE, turn)
                : pages.done(form, p.language(), turn.texts(), false);
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
