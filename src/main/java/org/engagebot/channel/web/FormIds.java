package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationService;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Text;
import org.engagebot.events.Event;
import org.engagebot.events.EventService;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The forms a person can open at /forms/{id}: each menu flow by its file name or id (register, visit-application), and
 * each published consultation by its reference or id, and each invited event's RSVP and question flows
 * (event-rsvp-ID, event-question-ID, the links in its invitations). A form is started the way chat starts it, by the
 * flow's command (for a consultation, /consultations REF; for an event, /events rsvp ID), so the engine and the
 * feature decide what happens.
 */
@Singleton
class FormIds {
    private final FlowRegistry flows;
    private final ConsultationService consultations;
    private final EventService events;

    FormIds(FlowRegistry flows, ConsultationService consultations, EventService events) {
        this.flows = flows;
        this.consultations = consultations;
        this.events = events;
    }

    /**
     * A form: its address under /forms, the engine's flow id, its title, the input that starts it, and for a
     * consultation its closing time and reference (what a respondent quotes).
     */
    record Form(String pathId, String flowId, Text title, Input start, Instant closesAt, String reference) {
    }

    Optional<Form> find(String pathId) {
        if (pathId == null || pathId.isBlank() || pathId.length() > 60) {
            return Optional.empty();
        }
        Optional<Form> flow = menuFlows().filter(f -> f.pathId().equals(pathId) || f.flowId().equals(pathId)).findFirst();
        return flow.isPresent() ? flow : consultations.published(pathId).map(FormIds::consultation).or(() -> event(pathId));
    }

    /** The form whose flow is {@code flowId} (a session found in another flow than the page it came from). */
    Optional<Form> byFlow(String flowId) {
        Optional<Form> flow = menuFlows().filter(f -> f.flowId().equals(flowId)).findFirst();
        if (flow.isPresent() || flowId.startsWith("event-")) {
            return flow.or(() -> event(flowId));
        }
        if (!flowId.startsWith("consultation-")) {
            return flow;
        }
        return consultations.published(flowId.substring("consultation-".length())).map(FormIds::consultation);
    }

    List<Form> menu() {
        return menuFlows().toList();
    }

    List<Form> openConsultations() {
        return consultations.openNow().stream().map(FormIds::consultation).toList();
    }

    private Stream<Form> menuFlows() {
        return flows.menu().stream().filter(f -> !f.commands().isEmpty())
                .map(f -> new Form(pathId(f), f.id(), f.title(), new Input.Command(f.commands().get(0), ""), null, null));
    }

    private static String pathId(FlowDefinition flow) {
        String source = flow.source() == null ? "" : flow.source().replace('\\', '/');
        String file = source.substring(source.lastIndexOf('/') + 1);
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : flow.id();
    }

    private Optional<Form> event(String id) {
        for (String kind : List.of("rsvp", "question")) {
            String prefix = "event-" + kind + "-";
            if (id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d{1,18}")) {
                Optional<Event> e = events.find(Long.parseLong(id.substring(prefix.length()))).filter(x -> x.invitedAt() != null);
                return e.map(x -> new Form(id, id, x.title(), new Input.Command("events", (kind.equals("rsvp") ? "rsvp "
                        : "ask ") + x.id()), null, x.reference()));
            }
        }
        return Optional.empty();
    }

    private static Form consultation(Consultation c) {
        return new Form(c.reference(), c.flowId(), c.title(), new Input.Command("consultations", Long.toString(c.id())),
                c.closesAt(), c.reference());
    }
}
