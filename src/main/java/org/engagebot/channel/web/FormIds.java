package org.engagebot.channel.web;

import jakarta.inject.Singleton;
import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationService;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The forms a person can open at /forms/{id}: each menu flow by its file name or id (register, visit-application), and
 * each published consultation by its reference or id. A form is started the way chat starts it, by the flow's command
 * (for a consultation, /consultations REF), so the engine and the feature decide what happens.
 */
@Singleton
class FormIds {
    private final FlowRegistry flows;
    private final ConsultationService consultations;

    FormIds(FlowRegistry flows, ConsultationService consultations) {
        this.flows = flows;
        this.consultations = consultations;
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
        return flow.isPresent() ? flow : consultations.published(pathId).map(FormIds::consultation);
    }

    /** The form whose flow is {@code flowId} (a session found in another flow than the page it came from). */
    Optional<Form> byFlow(String flowId) {
        Optional<Form> flow = menuFlows().filter(f -> f.flowId().equals(flowId)).findFirst();
        if (flow.isPresent() || !flowId.startsWith("consultation-")) {
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

    private static Form consultation(Consultation c) {
        return new Form(c.reference(), c.flowId(), c.title(), new Input.Command("consultations", Long.toString(c.id())),
                c.closesAt(), c.reference());
    }
}
