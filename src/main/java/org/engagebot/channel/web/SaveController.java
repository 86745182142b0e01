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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Transactions;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * "Save and come back later": GET/POST /forms/{id}/save emails a signed link to the address typed (through the email
 * outbox); GET /forms/resume/{token} shows a button (mail scanners fetch links), and its POST puts this browser on
 * that web session and goes back to the form where it stopped.
 */
@Controller("/forms")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
class SaveController {
    private final FormIds ids;
    private final WebRequests web;
    private final WebTurns turns;
    private final WebSessions sessions;
    private final FormTokens tokens;
    private final ResumeLinks links;
    private final PageModel pages;
    private final Outbox outbox;
    private final Transactions tx;

    SaveController(FormIds ids, WebRequests web, WebTurns turns, WebSessions sessions, FormTokens tokens,
                   ResumeLinks links, PageModel pages, Outbox outbox, Transactions tx) {
        this.ids = ids;
        this.web = web;
        this.turns = turns;
        this.sessions = sessions;
        this.tokens = tokens;
        this.links = links;
        this.pages = pages;
        this.outbox = outbox;
        this.tx = tx;
    }

    @Get("/{id}/save")
    MutableHttpResponse<?> ask(HttpRequest<?> request, String id) {
        WebRequests.Visitor visitor = web.visitor(request);
        Optional<FormIds.Form> form = ids.find(id);
        if (form.isEmpty() || visitor.participant().isEmpty()) {
            return HttpResponse.seeOther(URI.create("/forms/" + form.map(FormIds.Form::pathId).orElse("")));
        }
        return savePage(form.get(), visitor, null, "", HttpStatus.OK);
    }

    @Post("/{id}/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, String id, @Nullable @Body Map<String, Object> body) {
        WebRequests.Visitor visitor = web.visitor(request);
        Optional<FormIds.Form> form = ids.find(id);
        FormBody f = FormBody.of(body);
        Language l = visitor.language();
        String path = "/forms/" + form.map(FormIds.Form::pathId).orElse("");
        if (form.isEmpty() || visitor.participant().isEmpty() || !tokens.csrfValid(visitor.key(), f.first(FormTokens.CSRF))) {
            return pages.notice(HttpStatus.FORBIDDEN, l, path, "web.expired.heading", "web.expired", path, "web.start-again");
        }
        if (!web.allow(request, visitor)) {
            return web.slowDown(l, path);
        }
        Optional<String> address = address(f.first("email"));
        if (address.isEmpty()) {
            return savePage(form.get(), visitor, pages.text(l).get("web.save.invalid"), f.first("email"),
                    HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String title = form.get().title().in(l);
        String text = pages.text(l).get("web.save.mail.body");
        String mail = String.format(text, title, links.ttlDays(), links.url(visitor.key()));
        // over the address's day's share nothing is sent, and the page says the same: it tells nobody about the address
        if (web.allowSaveMail(address.get())) {
            tx.run(() -> outbox.enqueueReply("email", address.get(),
                    OutboundMessage.text(mail).withSubject(pages.text(l).fmt("web.save.mail.subject", title))));
            outbox.wake("email");
        }
        Map<String, Object> model = pages.base(l, path + "/save", pages.text(l).get("web.save.sent.heading"));
        model.put("sent", pages.text(l).fmt2("web.save.sent", address.get(), links.ttlDays()));
        model.put("formUrl", path);
        return PageModel.render(HttpStatus.OK, "web/saved", model);
    }

    @Get("/resume/{token}")
    MutableHttpResponse<?> resumePage(String token) {
        Optional<String> key = links.read(token);
        Language l = key.flatMap(turns::participant).map(p -> p.language()).orElse(Language.CY);
        if (key.isEmpty()) {
            return pages.notice(HttpStatus.NOT_FOUND, l, "/forms", "web.resume.heading", "web.resume.invalid", "/forms",
                    "web.forms-link");
        }
        Map<String, Object> model = pages.base(l, "/forms/resume/" + token, pages.text(l).get("web.resume.heading"));
        model.put("action", "/forms/resume/" + token);
        model.put("csrf", links.csrf(token));
        return PageModel.render(HttpStatus.OK, "web/resume", model);
    }

    @Post("/resume/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> resume(HttpRequest<?> request, String token, @Nullable @Body Map<String, Object> body) {
        Optional<ResumeLinks.Link> link = links.link(token);
        FormBody f = FormBody.of(body);
        Optional<WebSessions.Issued> moved = link.isEmpty() || !links.csrfValid(token, f.first(FormTokens.CSRF))
                || !web.allow(request, new WebRequests.Visitor(null, Optional.empty())) ? Optional.empty()
                : sessions.resume(link.get().key(), link.get().issued());
        if (moved.isEmpty()) {
            return pages.notice(HttpStatus.FORBIDDEN, Language.CY, "/forms", "web.resume.heading", "web.resume.invalid",
                    "/forms", "web.forms-link");
        }
        WebSessions.Issued issued = moved.get();
        Optional<String> key = Optional.of(issued.key());
        String where = key.flatMap(turns::participant).flatMap(turns::view).flatMap(v -> ids.byFlow(v.flowId()))
                .map(form -> "/forms/" + form.pathId()).orElse("/forms");
        return HttpResponse.seeOther(URI.create(where)).cookie(web.cookie(issued.token()));
    }

    private MutableHttpResponse<?> savePage(FormIds.Form form, WebRequests.Visitor visitor, @Nullable String problem,
                                            String email, HttpStatus status) {
        Language l = visitor.language();
        String path = "/forms/" + form.pathId();
        WebText t = pages.text(l);
        String heading = t.get("web.save.heading");
        Map<String, Object> model = pages.base(l, path + "/save", problem == null ? heading : t.fmt("web.title-error", heading));
        model.put("heading", heading);
        model.put("intro", t.fmt("web.save.intro", links.ttlDays()));
        model.put("problem", problem);
        model.put("email", email == null ? "" : email);
        model.put("csrf", tokens.csrf(visitor.key()));
        model.put("action", path + "/save");
        model.put("backUrl", path);
        return PageModel.render(status, "web/save", model);
    }

    /** A plausible single mailbox address (where to send a link, not an answer to any question), lower-cased. */
    private static Optional<String> address(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 254) {
            return Optional.empty();
        }
        try {
            InternetAddress parsed = new InternetAddress(typed.strip(), true);
            String a = parsed.getAddress().toLowerCase(Locale.ROOT);
            return a.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}") ? Optional.of(a) : Optional.empty();
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
