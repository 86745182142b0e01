package org.engagebot.channel.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.StepView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A posted question page: checks that it is this session's (CSRF), not a bot's (honeypot, time on the page), and still
 * the current page (its position), then sends what was entered as one inbound message whose id is the page token, so
 * sending the same page twice is stored once. The next page is whatever the engine is at afterwards. The page's "Back"
 * button posts this same form with action=back, and each Change button on check your answers with action=change:STEP:
 * the only ways to move, so no GET (a link, a prefetch) moves a session.
 */
@Singleton
class FormAnswers {
    static final String HONEYPOT = "homepage";
    /** A Change button on check your answers: action=change:STEP_ID. */
    static final String CHANGE = "change:";
    private static final Logger LOG = LoggerFactory.getLogger(FormAnswers.class);

    private final FormIds ids;
    private final WebRequests web;
    private final WebTurns turns;
    private final FormTokens tokens;
    private final FormPages pages;
    private final PageModel model;
    private final WebSettings settings;
    private final Clock clock;
    private final SessionProof proof;

    FormAnswers(FormIds ids, WebRequests web, WebTurns turns, FormTokens tokens, FormPages pages, PageModel model,
                WebSettings settings, Clock clock, SessionProof proof) {
        this.proof = proof;
        this.ids = ids;
        this.web = web;
        this.turns = turns;
        this.tokens = tokens;
        this.pages = pages;
        this.model = model;
        this.settings = settings;
        this.clock = clock;
    }

    MutableHttpResponse<?> answer(HttpRequest<?> request, String id, FormBody body) {
        WebRequests.Visitor visitor = web.visitor(request);
        Optional<FormIds.Form> found = ids.find(id);
        Language language = visitor.language();
        String path = "/forms/" + found.map(FormIds.Form::pathId).orElse("");
        if (found.isEmpty() || body == null) {
            return model.notice(HttpStatus.NOT_FOUND, language, "/forms", "web.not-found.heading", "web.not-found",
                    "/forms", "web.forms-link");
        }
        if (visitor.participant().isEmpty() || !tokens.csrfValid(visitor.key(), body.first(FormTokens.CSRF))) {
            return model.notice(HttpStatus.FORBIDDEN, language, path, "web.expired.heading", "web.expired", path,
                    "web.start-again");
        }
        if (!web.allow(request, visitor)) {
            return web.slowDown(language, path);
        }
        FormIds.Form form = found.get();
        Participant p = visitor.participant().get();
        String key = visitor.key();
        Optional<StepView> view = turns.view(p);
        if (view.isEmpty()) {
            return pages.done(form, language, lastTexts(key), true);
        }
        if (!view.get().flowId().equals(form.flowId()) && ids.byFlow(view.get().flowId()).isPresent()) {
            return HttpResponse.seeOther(URI.create("/forms/" + ids.byFlow(view.get().flowId()).get().pathId()));
        }
        if (!isBlank(body.first(HONEYPOT))) {
            LOG.info("Web form {} refused: honeypot field filled", form.pathId());
            return model.notice(HttpStatus.OK, language, path, "web.blocked.heading", "web.blocked", path, "web.start-again");
        }
        return send(form, key, language, view.get(), body);
    }

    private MutableHttpResponse<?> send(FormIds.Form form, String key, Language language, StepView view, FormBody body) {
        WebText t = model.text(language);
        List<String> entered = entered(view, body);
        Optional<FormTokens.PageToken> token = tokens.read(key, body.first(FormTokens.FORM));
        if (token.isEmpty() || !FormPages.position(view).equals(body.first("step"))) {
            return state(form, key, language, view, new FormPages.Extras(null, t.get("web.stale"), List.of()), WebTurns.Turn.NONE);
        }
        Participant before = turns.participant(key).orElseThrow();
        WebTurns.Turn switched = web.postedLanguage(key, before, body.first("lang"), "form-" + token.get().id() + "-lang");
        if (switched != WebTurns.Turn.NONE) {
            before = turns.participant(key).orElseThrow();
            language = before.language();
            t = model.text(language);
            Optional<StepView> current = turns.view(before);
            if (current.isEmpty()) {
                return pages.done(form, language, switched.texts(), false);
            }
            view = current.get();
        }
        String action = body.first("action");
        if ("save".equals(action)) {
            return HttpResponse.seeOther(URI.create("/forms/" + form.pathId() + "/save"));
        }
        if ("back".equals(action)) {
            if (view.canGoBack()) {
                turns.send(key, "form-" + token.get().id(), StepView.back());
            }
            return HttpResponse.seeOther(URI.create("/forms/" + form.pathId()));
        }
        if (action != null && action.startsWith(CHANGE)) {
            String stepId = action.substring(CHANGE.length());
            view.summary().stream().filter(r -> r.stepId().equals(stepId)).findFirst()
                    .ifPresent(row -> turns.send(key, "form-" + token.get().id(), row.change()));
            return HttpResponse.seeOther(URI.create("/forms/" + form.pathId()));
        }
        if (Duration.between(token.get().issuedAt(), clock.instant()).compareTo(settings.minPageTime) < 0) {
            return state(form, key, language, view, new FormPages.Extras(null, t.get("web.too-quick"), entered), switched);
        }
        boolean provenBefore = proof.proven(before);
        WebTurns.Turn turn = turns.send(key, "form-" + token.get().id(), input(key, view, action, entered)).after(switched);
        Participant now = turns.participant(key).orElseThrow();
        Optional<StepView> after = turns.view(now);
        String busy = turn.finished() ? null : t.get("web.busy");
        MutableHttpResponse<?> page = after.isEmpty()
                ? pages.done(form, language, turn.texts().isEmpty() ? lastTexts(key) : turn.texts(), true)
                : state(form, key, language, after.get(), new FormPages.Extras(turn.problem(), busy, entered), turn);
        return !provenBefore && proof.proven(now) ? page.cookie(proof.moveOn(key)) : page;
    }

    /** The page for where the session is now; a session found in another form is sent to that form's page. */
    MutableHttpResponse<?> state(FormIds.Form form, String key, Language language, StepView view, FormPages.Extras extras,
                                 WebTurns.Turn turn) {
        if (!view.flowId().equals(form.flowId())) {
            Optional<FormIds.Form> other = ids.byFlow(view.flowId());
            if (other.isPresent()) {
                return HttpResponse.seeOther(URI.create("/forms/" + other.get().pathId()));
            }
        }
        OutboundMessage last = view.kind() == StepView.Kind.OTHER ? turns.lastShown(key).orElse(null) : null;
        return pages.show(form, key, language, view, extras, last, FormPages.notes(turn, view));
    }

    List<String> lastTexts(String key) {
        return turns.lastShown(key).map(m -> List.of(m.text())).orElse(List.of());
    }

    private Input input(String key, StepView view, String action, List<String> entered) {
        return switch (view.kind()) {
            case QUESTION -> "skip".equals(action) && view.question().optional() ? view.question().skip()
                    : view.question().input(entered);
            case CHECK_ANSWERS -> StepView.confirm();
            case OTHER -> {
                String answer = entered.isEmpty() ? "" : entered.get(0);
                List<Choice> offered = turns.lastShown(key).map(OutboundMessage::choices).orElse(List.of());
                yield offered.stream().anyMatch(c -> c.value().equals(answer)) ? new Input.Picked(answer) : new Input.Typed(answer);
            }
        };
    }

    /** What was entered: the answer field(s), or a date's three fields joined day/month/year for the engine to read. */
    private static List<String> entered(StepView view, FormBody body) {
        if (view.kind() == StepView.Kind.QUESTION && view.question().type().equals("date")) {
            List<String> parts = List.of(nz(body.first("answer-day")), nz(body.first("answer-month")), nz(body.first("answer-year")));
            return parts.stream().allMatch(String::isEmpty) ? List.of() : List.of(String.join("/", parts));
        }
        return body.all("answer");
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
