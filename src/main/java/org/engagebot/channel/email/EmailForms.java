package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.FlowCompleter;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.FormMode;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Reply;
import org.engagebot.conversation.Session;
import org.engagebot.conversation.SessionStore;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flows by email. A mail naming a flow (subject or first line: a keyword such as "register" or a command such
 * as /visit) gets the whole flow as one form; replies are read back field by field and handed to the engine's
 * {@link FormMode} (validation, conditions, prefill, skip and confirm words as in chat), and only missing or
 * invalid answers are asked again. When all are valid and the flow has
 * a confirm screen, the summary asks for "confirm" (which completes the flow through its action); without one
 * the flow completes at once. A flow of one yes/no question (e.g. "forget me") is asked as that question with
 * "reply YES or NO" instead of a form. Anything else gets a short menu. State lives in conversation_session.
 * A flow that changes or erases a person's records ({@link AddressProof#required}) never completes on a plain
 * "confirm" or "yes": its summary (or its one question) goes to the address to prove with a reply token, and only
 * a reply carrying it from that address completes it ({@link ProofActions}).
 */
@Singleton
class EmailForms {
    private final FlowRegistry flows;
    private final SessionStore sessions;
    private final FormMode form;
    private final FlowCompleter completer;
    private final FormText text;
    private final EmailMenu menu;
    private final AddressProof proof;
    private final Clock clock;

    EmailForms(FlowRegistry flows, SessionStore sessions, FormMode form, FlowCompleter completer, FormText text, EmailMenu menu, AddressProof proof, Clock clock) {
        this.flows = flows;
        this.sessions = sessions;
        this.form = form;
        this.completer = completer;
        this.text = text;
        this.menu = menu;
        this.proof = proof;
        this.clock = clock;
    }

    List<OutboundMessage> handle(Participant p, String subject, String fullText, String trimmed) {
        Instant now = clock.instant();
        Optional<FlowDefinition> named = menu.flowNamed(subject, trimmed);
        Optional<Session> session = sessions.find(p.id()).filter(s -> flows.find(s.flowId()).isPresent());
        if (menu.isCancel(trimmed)) {
            session.ifPresent(s -> sessions.delete(p.id()));
            return List.of(menu.cancelled(p.language(), session.isPresent()));
        }
        if (session.isPresent() && (named.isEmpty() || named.get().id().equals(session.get().flowId()))) {
            return continueForm(p, flows.find(session.get().flowId()).orElseThrow(), session.get(), fullText, trimmed, now);
        }
        if (named.isPresent() && AddressProof.required(named.get()) && isOneYesNo(named.get())) {
            return proof.request(p, ProofStore.Kind.FORGET, named.get(), Map.of());
        }
        if (named.isPresent()) {
            Session started = Session.start(p.id(), named.get().id(), now);
            sessions.save(started);
            return ask(p, named.get(), form.missing(named.get(), Map.of()), Map.of(), Map.of(), true);
        }
        return List.of(menu.menu(p.language()));
    }

    private List<OutboundMessage> continueForm(Participant p, FlowDefinition flow, Session s, String fullText,
                                               String trimmed, Instant now) {
        if (s.mode() == Session.Mode.CONFIRMING && menu.isConfirm(trimmed)) {
            return AddressProof.required(flow) ? proof.request(p, ProofStore.Kind.FLOW, flow, s.answers())
                    : completed(completer.submit(p, flow, s.answers(), now));
        }
        FormMode.Outcome outcome = form.fill(p, flow, s.answers(), read(flow, s, trimmed, fullText));
        Map<String, String> answers = outcome.answers();
        Session updated = new Session(p.id(), flow.id(), null, Session.Mode.ASKING, answers, List.of(), s.startedAt(), now);
        switch (outcome.stage()) {
            case ASKING -> {
                sessions.save(updated);
                return ask(p, flow, outcome.missing(), outcome.invalid(), outcome.suggested(), false);
            }
            case COMPLETE -> {
                if (AddressProof.required(flow)) {
                    sessions.delete(p.id());
                    return proof.request(p, isOneYesNo(flow) ? ProofStore.Kind.FORGET : ProofStore.Kind.FLOW, flow, answers);
                }
                return completed(completer.submit(p, flow, answers, now));
            }
            default -> {
                sessions.save(updated.at(null, Session.Mode.CONFIRMING, now));
                OutboundMessage summary = new OutboundMessage(subject(flow, p), text.summary(flow, answers, p.language(), outcome.fromPostcode()),
                        null, null, List.of(), Map.of(), null, null);
                return List.of(AddressProof.required(flow) ? proof.summary(p, flow, answers, summary) : summary);
            }
        }
    }

    private static boolean isOneYesNo(FlowDefinition flow) {
        return flow.steps().size() == 1 && flow.steps().get(0).type() instanceof StepType.YesNo;
    }

    private Map<String, String> read(FlowDefinition flow, Session s, String trimmed, String full) {
        FormReader reader = new FormReader(flow, menu.formLines(flow));
        Map<String, String> raw = reader.read(trimmed);
        if (raw.isEmpty()) {
            raw = new LinkedHashMap<>(reader.read(full));
            raw.values().removeIf(String::isBlank);
        }
        List<Step> missing = form.missing(flow, s.answers());
        if (raw.isEmpty() && missing.size() == 1 && !trimmed.isBlank() && s.mode() == Session.Mode.ASKING) {
            raw = Map.of(missing.get(0).id(), trimmed);
        }
        return raw;
    }

    private List<OutboundMessage> ask(Participant p, FlowDefinition flow, List<Step> steps, Map<String, Text> errors,
                                      Map<String, Text> suggested, boolean first) {
        String body = isOneYesNo(flow)
                ? text.yesNoQuestion(flow, errors.get(flow.steps().get(0).id()), p.language())
                : text.form(flow, steps, errors, suggested, form.known(p), p.language(), first);
        return List.of(new OutboundMessage(subject(flow, p), body, null, null, List.of(), Map.of(), null, null));
    }

    private static List<OutboundMessage> completed(List<Reply> replies) {
        return replies.stream().map(r -> OutboundMessage.text(r.text())).toList();
    }

    private static String subject(FlowDefinition flow, Participant p) {
        return flow.title().label(p.language());
    }
}
