package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.conversation.Text;
import org.engagebot.newsletters.Newsletter;
import org.engagebot.newsletters.NewsletterInsights;
import org.engagebot.newsletters.NewsletterService;
import org.engagebot.newsletters.render.MarkdownRenderer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Newsletters: compose in both languages with a live preview and audience count, send or schedule, watch delivery. */
@Controller("/console/newsletters")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NewslettersController {
    private static final ZoneId OFFICE = ZoneId.of("Europe/London");
    private final NewsletterService newsletters;
    private final NewsletterInsights insights;
    private final MarkdownRenderer markdown;
    private final Areas areas;
    private final ConfiguredChannels channels;

    NewslettersController(NewsletterService newsletters, NewsletterInsights insights, MarkdownRenderer markdown, Areas areas,
                          ConfiguredChannels channels) {
        this.channels = channels;
        this.newsletters = newsletters;
        this.insights = insights;
        this.markdown = markdown;
        this.areas = areas;
    }

    @Serdeable
    record Preview(String emailEn, String emailCy, String telegramEn, String telegramCy, String audience) {
    }

    @Get
    Object list(Authentication who) {
        return Page.of("newsletters", who, "newsletters", "newsletters", newsletters.recent(100));
    }

    private static final Map<String, String> LABELS = Map.of("title", "title", "body", "text");

    @Get("/new")
    Object compose(Authentication who) {
        return composer(who, Map.of(), null, null);
    }

    /** The composer, with what was typed and the field the last attempt was refused for. */
    private Object composer(Authentication who, Map<String, String> typed, String error, String bad) {
        return Page.of("compose", who, "newsletters", "areas", areas.all(), "sectors", OrganisationLists.SECTORS, "error", error, "f", typed, "bad", Page.nz(bad));
    }

    /** A datetime-local value read as UK time; empty when blank or not a date and time. */
    static Optional<Instant> ukTime(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(value.strip()).atZone(OFFICE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Post(value = "/preview", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object preview(Authentication who, @Body Map<String, String> form, @Nullable @Header(Csrf.HEADER) String header) {
        if (!Csrf.valid(who, form) && !Csrf.valid(who, header)) {
            return Csrf.refused();
        }
        ComposeForm f = ComposeForm.read(form, areas);
        NewsletterInsights.AudienceCounts n = insights.count(f.audience());
        String audience = ConsoleText.of(Page.language(who).code()).f("compose.preview-audience", n.total(), n.contacts(),
                n.email(), n.telegram(), n.skippedEmailOnHold());
        return HttpResponse.ok(new Preview(email(f.titleEn(), f.bodyEn(), "en"), email(f.titleCy(), f.bodyCy(), "cy"),
                telegram(f.titleEn(), f.bodyEn()), telegram(f.titleCy(), f.bodyCy()), audience));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object create(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        ComposeForm f = ComposeForm.read(form, areas);
        OneLanguageForm one = OneLanguageForm.read(form);
        Optional<String> bad = one.missing(form, List.of("title", "body"));
        if (bad.isPresent()) {
            return composer(who, form, one.problem(bad.get(), LABELS, ConsoleText.of(Page.language(who).code())), bad.get());
        }
        Instant at = null;
        String when = Page.nz(form.get("at"));
        if ("schedule".equals(form.get("action")) && !when.isEmpty()) {
            Optional<Instant> parsed = ukTime(when);
            if (parsed.isEmpty()) {
                return composer(who, form, Page.text(who).m("newsletters.problem.at"), "at");
            }
            at = parsed.get();
        }
        Text title = one.chosen() ? same(one.language().equals("en") ? f.titleEn() : f.titleCy()) : new Text(f.titleEn(), f.titleCy());
        Text body = one.chosen() ? same(one.language().equals("en") ? f.bodyEn() : f.bodyCy()) : new Text(f.bodyEn(), f.bodyCy());
        long id = newsletters.create(Newsletter.Kind.NEWSLETTER, title, body, List.of(), f.audience(), who.getName());
        if (one.chosen()) {
            newsletters.declareOneLanguage(id, one.fields(), who.getName());
        }
        if ("draft".equals(form.get("action"))) {
            return Page.redirect("/console/newsletters/" + id);
        }
        // sending is never one click: the draft is kept and staff see who it will reach before they confirm
        return Page.redirect("/console/newsletters/" + id + "/confirm" + (at == null ? "" : "?at=" + when));
    }

    /** What sending will do (audience per channel and language, channels not set up), and the button that does it. */
    @Get("/{id}/confirm")
    Object confirm(Authentication who, long id, @Nullable @io.micronaut.http.annotation.QueryValue String at) {
        Optional<Newsletter> n = newsletters.byId(id);
        if (n.isEmpty()) {
            return HttpResponse.notFound("No such newsletter");
        }
        Optional<Instant> when = ukTime(at);
        if (when.isEmpty() && at != null && !at.isBlank()) {
            return Page.redirect("/console/newsletters/" + id);
        }
        NewsletterInsights.AudienceCounts counts = insights.audience(id).orElseThrow();
        return Page.of("newsletter-confirm", who, "newsletters", "n", n.get(), "counts", counts, "at", Page.nz(at),
                "when", when.orElse(null), "emailOff", counts.email() > 0 && !channels.email(),
                "telegramOff", counts.telegram() > 0 && !channels.telegram(),
                "untranslated", newsletters.untranslated(id).orElse(null),
                "oneLanguage", newsletters.oneLanguageReason(id).orElse(null));
    }

    @Get("/{id}")
    Object one(Authentication who, long id) {
        Optional<Newsletter> n = newsletters.byId(id);
        if (n.isEmpty()) {
            return HttpResponse.notFound("No such newsletter");
        }
        List<NewsletterInsights.RecipientStatus> failed = new java.util.ArrayList<>();
        for (String status : List.of("bounced", "failed")) {
            failed.addAll(insights.recipients(id, status, 0, 100).orElseThrow());
        }
        return Page.of("newsletter", who, "newsletters", "n", n.get(), "p", newsletters.progress(id).orElseThrow(),
                "failed", failed, "audience", insights.audience(id).orElseThrow(),
                "channelsOff", channelsOff());
    }

    @Post(value = "/{id}/send", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object send(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String at = Page.nz(form.get("at"));
        if (!"yes".equals(form.get("confirmed"))) {
            return Page.redirect("/console/newsletters/" + id + "/confirm" + (at.isEmpty() ? "" : "?at=" + at));
        }
        Optional<Instant> when = ukTime(at);
        if (when.isEmpty() && !at.isEmpty()) {
            return Page.redirect("/console/newsletters/" + id + "/confirm");
        }
        if (newsletters.send(id, when.orElse(null), who.getName()) == NewsletterService.SendOutcome.NOT_BILINGUAL) {
            return Page.redirect("/console/newsletters/" + id + "/confirm");
        }
        return Page.redirect("/console/newsletters/" + id);
    }

    /** The outbound channels not set up, named for staff ("" when both are). */
    private String channelsOff() {
        List<String> off = new java.util.ArrayList<>();
        if (!channels.email()) {
            off.add("email");
        }
        if (!channels.telegram()) {
            off.add("Telegram");
        }
        return String.join(" and ", off);
    }

    private static Text same(String text) {
        return new Text(text, text);
    }

    private String email(String title, String body, String lang) {
        return markdown.wrapEmail(title, markdown.toEmailHtml(body), "", lang).html();
    }

    private String telegram(String title, String body) {
        return "<!doctype html><div style=\"white-space:pre-wrap;font:15px/1.4 sans-serif;background:#e6f0f8;padding:8px\"><b>"
                + escape(title) + "</b>\n\n" + markdown.toTelegramHtml(body) + "</div>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
