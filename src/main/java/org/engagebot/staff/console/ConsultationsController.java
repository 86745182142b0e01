package org.engagebot.staff.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.engagebot.channel.Inbox;
import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.conversation.Text;
import org.engagebot.contacts.Areas;
import org.engagebot.contacts.OrganisationLists;
import org.engagebot.platform.AuditLog;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Consultations: create, publish, read and tag responses, raw email, per-question charts, CSV, outcome. */
@Controller("/console/consultations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsultationsController {
    private final ConsultationDesk desk;
    private final Inbox inbox;
    private final AuditLog audit;
    private final ConfiguredChannels channels;
    private final Areas areas;

    ConsultationsController(ConsultationDesk desk, Inbox inbox, AuditLog audit, ConfiguredChannels channels, Areas areas) {
        this.channels = channels;
        this.areas = areas;
        this.desk = desk;
        this.inbox = inbox;
        this.audit = audit;
    }

    @Get
    Object list(Authentication who) {
        return list(who, null, Map.of(), "");
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object create(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        OneLanguageForm one = OneLanguageForm.read(form);
        Optional<String> missing = one.missing(form, java.util.List.of("title", "summary"));
        if (missing.isPresent()) {
            return list(who, one.problem(missing.get(), Map.of("title", "title", "summary", "summary"), ConsoleText.of(Page.language(who).code())), form,
                    missing.get());
        }
        ConsultationDesk.Created created = desk.create(ConsultationForm.json(form, areas), who.getName());
        if (created.error() != null) {
            // everything typed stays in the form, so one missing field costs one field
            return list(who, ConsultationForm.readable(created.field(), created.error(),
                    ConsoleText.of(Page.language(who).code())), form,
                    ConsultationForm.formField(created.field()));
        }
        return Page.redirect("/console/consultations/" + created.id());
    }

    private Object list(Authentication who, String error, Map<String, String> typed, String bad) {
        return Page.of("consultations", who, "consultations", "consultations", desk.all(), "error", error, "f", typed,
                "bad", bad, "areas", areas.all(), "sectors", OrganisationLists.SECTORS);
    }

    @Get("/{id}")
    Object one(Authentication who, long id) {
        Optional<Consultation> c = desk.find(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound("No such consultation");
        }
        audit.record(who.getName(), "consultation.view-responses", c.get().reference(), null);
        return page(who, c.get(), null, Map.of(), "");
    }

    private Object page(Authentication who, Consultation c, String error, Map<String, String> typed, String bad) {
        return Page.of("consultation", who, "consultations", "c", c, "results", desk.results(c),
                "responses", desk.responses(c), "error", error, "f", typed, "bad", bad);
    }

    /** What publishing will do (invitations per channel and language, channels not set up), and the button that does it. */
    @Get("/{id}/confirm")
    Object confirm(Authentication who, long id) {
        Optional<Consultation> c = desk.find(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound("No such consultation");
        }
        if (c.get().published()) {
            return Page.redirect("/console/consultations/" + id);
        }
        ConsultationDesk.AudienceCounts counts = desk.audience(c.get());
        return Page.of("consultation-confirm", who, "consultations", "c", c.get(), "counts", counts,
                "emailOff", counts.on("email") > 0 && !channels.email(),
                "telegramOff", counts.on("telegram") > 0 && !channels.telegram(),
                "untranslated", desk.untranslated(c.get()).orElse(null), "oneLanguage", desk.oneLanguage(c.get()).orElse(null));
    }

    @Post(value = "/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object publish(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        // publishing is never one click: the first press shows who will be invited, only the check page's button sends
        if (!"yes".equals(form.get("confirmed"))) {
            return Page.redirect("/console/consultations/" + id + "/confirm");
        }
        desk.publish(id, who.getName());
        return Page.redirect("/console/consultations/" + id);
    }

    @Post(value = "/{id}/responses/{rid}/tags", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object tag(Authentication who, long id, long rid, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        desk.find(id).ifPresent(c -> desk.tag(c, rid, Arrays.asList(Page.nz(form.get("tags")).split(",")), who.getName()));
        return Page.redirect("/console/consultations/" + id + "#r" + rid);
    }

    @Get("/{id}/responses/{rid}/raw")
    Object raw(Authentication who, long id, long rid) {
        Optional<byte[]> raw = desk.inboxId(id, rid).flatMap(inbox::raw);
        if (raw.isEmpty()) {
            return HttpResponse.notFound("No raw message kept for this response");
        }
        audit.record(who.getName(), "consultation.view-raw", "R-" + rid, null);
        return Page.of("raw", who, "consultations", "id", id, "rid", rid, "r", desk.response(id, rid).orElse(null),
                "raw", new String(raw.get(), StandardCharsets.UTF_8));
    }

    @Get(value = "/{id}/export", produces = "text/csv")
    Object export(Authentication who, long id) {
        Optional<Consultation> c = desk.find(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(desk.csv(c.get(), who.getName())).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + c.get().reference() + "-responses.csv\"");
    }

    @Post(value = "/{id}/outcome", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object outcome(Authentication who, long id, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        String en = Page.nz(form.get("outcome_en"));
        String cy = Page.nz(form.get("outcome_cy"));
        Optional<Consultation> c = desk.find(id);
        if (c.isEmpty()) {
            return HttpResponse.notFound("No such consultation");
        }
        if (en.isEmpty() || cy.isEmpty()) {
            // "you said, we did" goes to every respondent in their language: both texts, and nothing typed is lost
            return HttpResponse.unprocessableEntity().body(page(who, c.get(), Page.text(who).m("consultation.problem.outcome"),
                    form, en.isEmpty() ? "outcome_en" : "outcome_cy"));
        }
        desk.outcome(id, new Text(en, cy), who.getName());
        return Page.redirect("/console/consultations/" + id);
    }
}
