package org.engagebot.channel.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.StepView;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Opening one form while the session is part-way through another. GET /forms/{id} then only shows a page: a link to
 * carry on with the other form and a button that posts /forms/{id}/start (CSRF and page token). The page says the
 * other form's answers are not kept; only that POST sends the form's start to the engine and, when the engine asks
 * whether to leave answers, the "yes" this page already asked for. So a link, a prefetch or a bookmark never moves a
 * session out of the form it is in.
 */
@Singleton
class FormSwitch {
    private final FormIds ids;
    private final WebRequests web;
    private final WebTurns turns;
    private final FormTokens tokens;
    private final PageModel pages;

    FormSwitch(FormIds ids, WebRequests web, WebTurns turns, FormTokens tokens, PageModel pages) {
        this.ids = ids;
        this.web = web;
        this.turns = turns;
        this.tokens = tokens;
        this.pages = pages;
    }

    /** The form the session is in when that is another form than {@code wanted}: the one to offer to carry on with. */
    Optional<FormIds.Form> elsewhere(FormIds.Form wanted, Optional<StepView> view) {
        return view.filter(v -> !v.flowId().equals(wanted.flowId())).flatMap(v -> ids.byFlow(v.flowId()));
    }

    /** The page that asks; it changes nothing. */
    MutableHttpResponse<?> page(FormIds.Form wanted, FormIds.Form current, String sessionKey, Language language) {
        WebText t = pages.text(language);
        String heading = t.fmt("web.switch.heading", current.title().in(language));
        Map<String, Object> model = pages.base(language, "/forms/" + wanted.pathId(), heading);
        model.put("heading", heading);
        model.put("text", t.fmt("web.switch.text", wanted.title().in(language)));
        model.put("action", "/forms/" + wanted.pathId() + "/start");
        model.put("start", t.fmt("web.switch.start", wanted.title().in(language)));
        model.put("carryOnUrl", "/forms/" + current.pathId());
        model.put("carryOn", t.fmt("web.switch.carry-on", current.title().in(language)));
        model.put("csrf", tokens.csrf(sessionKey));
        model.put("token", tokens.issue(sessionKey));
        return PageModel.render(HttpStatus.OK, "web/switch", model);
    }

    /** The button: starts {@code id} through the engine, once per page, then shows wherever the session is. */
    MutableHttpResponse<?> start(HttpRequest<?> request, String id, FormBody body) {
        WebRequests.Visitor visitor = web.visitor(request);
        Optional<FormIds.Form> form = ids.find(id);
        Language language = visitor.language();
        String path = "/forms/" + form.map(FormIds.Form::pathId).orElse("");
        Optional<FormTokens.PageToken> token = visitor.key() == null || body == null ? Optional.empty()
                : tokens.read(visitor.key(), body.first(FormTokens.FORM));
        if (form.isEmpty() || visitor.participant().isEmpty() || token.isEmpty()
                || !tokens.csrfValid(visitor.key(), body.first(FormTokens.CSRF))) {
            return pages.notice(HttpStatus.FORBIDDEN, language, path, "web.expired.heading", "web.expired", path,
                    "web.start-again");
        }
        if (!web.allow(request, visitor)) {
            return web.slowDown(language, path);
        }
        web.postedLanguage(visitor.key(), visitor.participant().get(), body.first("lang"), "form-" + token.get().id() + "-lang");
        Optional<StepView> view = turns.view(turns.participant(visitor.key()).orElseThrow());
        if (elsewhere(form.get(), view).isPresent()) {
            WebTurns.Turn turn = turns.send(visitor.key(), "form-" + token.get().id(), form.get().start());
            if (StepView.offersLeave(turn.replies().stream().flatMap(r -> r.choices().stream()).toList())) {
                turns.send(visitor.key(), "form-" + token.get().id() + "-leave", StepView.leave());
            }
            view = turns.view(turns.participant(visitor.key()).orElseThrow());
        }
        String where = view.flatMap(v -> ids.byFlow(v.flowId())).map(FormIds.Form::pathId).orElse(form.get().pathId());
        return HttpResponse.seeOther(URI.create("/forms/" + where));
    }
}
