package org.engagebot.staff.console;

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
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.FormMode;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.platform.Transactions;
import org.engagebot.visits.VisitService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff enter an Appendix B visit application that came on paper or by email, on the applicant's behalf: every
 * question of the visit flow, checked by the flow's own rules (the engine's form mode), marked in the case history
 * as entered by staff from that form, and the applicant told at the email address on the form.
 */
@Controller("/console/visits/paper")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PaperVisitController {
    private final FlowRegistry flows;
    private final FormMode forms;
    private final Participants participants;
    private final VisitService visits;
    private final Transactions tx;

    PaperVisitController(FlowRegistry flows, FormMode forms, Participants participants, VisitService visits, Transactions tx) {
        this.flows = flows;
        this.forms = forms;
        this.participants = participants;
        this.visits = visits;
        this.tx = tx;
    }

    /** One question of the form as the page shows it. */
    record Field(String id, String label, String hint, String kind, boolean optional, List<Map.Entry<String, String>> options) {
    }

    @Get
    Object form(Authentication who) {
        return page(who, Map.of(), Map.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    Object enter(Authentication who, @Body Map<String, String> form) {
        if (!Csrf.valid(who, form)) {
            return Csrf.refused();
        }
        FlowDefinition flow = flow();
        Language applicantLanguage = "cy".equals(form.get("applicant_language")) ? Language.CY : Language.EN;
        Map<String, String> raw = new LinkedHashMap<>();
        for (Step step : flow.steps()) {
            String value = Page.nz(form.get(step.id()));
            if (!value.isEmpty()) {
                raw.put(step.id(), value);
            } else if (step.optional()) {
                raw.put(step.id(), "skip");
            }
        }
        // nobody yet: the form's checks run as they would for a chat that knows nothing about the applicant
        Participant nobody = new Participant(0, "staff", "paper-form", applicantLanguage, null);
        FormMode.Outcome outcome = forms.fill(nobody, flow, Map.of(), raw);
        Language staff = Page.language(who);
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.invalid().forEach((id, why) -> errors.put(id, why.in(staff)));
        outcome.missing().forEach(step -> errors.putIfAbsent(step.id(), Page.text(who).f("visit-paper.missing",
                step.label().in(staff))));
        if (!errors.isEmpty()) {
            return page(who, form, errors);
        }
        String receivedAs = "email".equals(form.get("received_as")) ? "email" : "paper";
        VisitService.Submitted s = tx.write(() -> {
            Participant applicant = participants.identify("email", outcome.answers().get("email"),
                    outcome.answers().get("contact_name"));
            participants.setLanguage(applicant.id(), applicantLanguage);
            return visits.enterOnBehalf(applicant.withLanguage(applicantLanguage), outcome.answers(), receivedAs, who.getName());
        });
        return Page.redirect("/console/visits/" + s.application().id() + (s.duplicate() ? "?repeat=1" : ""));
    }

    private Object page(Authentication who, Map<String, String> typed, Map<String, String> errors) {
        Language staff = Page.language(who);
        List<Field> fields = flow().steps().stream().map(step -> field(step, staff)).toList();
        return Page.of("visit-paper", who, "visits", "fields", fields, "f", typed, "errors", errors);
    }

    private static Field field(Step step, Language staff) {
        String kind;
        List<Map.Entry<String, String>> options = List.of();
        if (step.type() instanceof StepType.SingleChoice choice) {
            kind = "choice";
            options = choice.options().stream().map(o -> Map.entry(o.value(), o.label().in(staff))).toList();
        } else if (step.type() instanceof StepType.YesNo) {
            kind = "choice";
            options = List.of(Map.entry("yes", ConsoleText.of(staff.code()).m("visit-paper.yes")),
                    Map.entry("no", ConsoleText.of(staff.code()).m("visit-paper.no")));
        } else if (step.type() instanceof StepType.FreeText t && t.maxLength() > 500) {
            kind = "long";
        } else if (step.type() instanceof StepType.Email) {
            kind = "email";
        } else if (step.type() instanceof StepType.Phone) {
            kind = "tel";
        } else if (step.type() instanceof StepType.Date) {
            kind = "date";
        } else {
            kind = "text";
        }
        return new Field(step.id(), step.label() == null ? VisitCaseView.humanise(step.id()) : step.label().in(staff),
                step.hint() == null ? null : step.hint().in(staff), kind, step.optional(), options);
    }

    private FlowDefinition flow() {
        return flows.find(VisitCaseView.FLOW).orElseThrow();
    }
}
