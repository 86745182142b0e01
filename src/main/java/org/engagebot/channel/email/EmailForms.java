package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.AnswerValidator;
import org.engagebot.conversation.FlowCompleter;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.KnownDetails;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Reply;
import org.engagebot.conversation.Session;
import org.engagebot.conversation.SessionStore;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.StepType;
import org.engagebot.conversation.Text;
import org.engagebot.conversation.Validation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flows by email. A mail naming a flow (subject or first line: a keyword such as "register" or a command such
 * as /visit) gets the whole flow as one form; replies are read back field by field and validated with the
 * engine's validator, and only missing or invalid answers are asked again. When all are valid and the flow has
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
    private final AnswerValidator validator;
    private final FlowCompleter completer;
    private final List<KnownDetails> knownDetails;
    private final FormText text;
    private final EmailMenu menu;
    private final AddressProof proof;
    private final Clock clock;

    EmailForms(FlowRegistry flows, SessionStore sessions, AnswerValidator validator, FlowCompleter completer,
               List<KnownDetails> knownDetails, FormText text, EmailMenu menu, AddressProof proof, Clock clock) {
        this.flows = flows;
        this.sessions = sessions;
        this.validator = validator;
        this.completer = completer;
        this.knownDetails = knownDetails;
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
            return ask(p, named.get(), started, Map.of(), true);
        }
        return List.of(menu.menu(p.language()));
    }

    private List<OutboundMessage> continueForm(Participant p, FlowDefinition flow, Session s, String fullText,
                                               String trimmed, Instant now) {
        if (s.mode() == Session.Mode.CONFIRMING && menu.isConfirm(trimmed)) {
            return AddressProof.required(flow) ? proof.request(p, ProofStore.Kind.FLOW, flow, s.answers())
                    : completed(completer.submit(p, flow, s.answers(), now), flow);
        }
        Map<String, String> raw = read(flow, s, trimmed, fullText);
        Map<String, String> answers = new LinkedHashMap<>(s.answers());
        Map<String, Text> errors = new LinkedHashMap<>();
        Map<String, String> known = known(p);
        for (Step step : flow.steps()) {
            if (raw.containsKey(step.id()) && step.appliesTo(answers)) {
                accept(step, raw.get(step.id()), known, answers, errors);
            }
        }
        answers.keySet().removeIf(id -> flow.step(id).map(st -> !st.appliesTo(answers)).orElse(true));
        Session updated = new Session(p.id(), flow.id(), null, Session.Mode.ASKING, answers, List.of(), s.startedAt(), now);
        if (!errors.isEmpty() || !missing(flow, answers).isEmpty()) {
            sessions.save(updated);
            return ask(p, flow, updated, errors, false);
        }
        if (!flow.confirm()) {
            if (AddressProof.required(flow)) {
                sessions.delete(p.id());
                return proof.request(p, isOneYesNo(flow) ? ProofStore.Kind.FORGET : ProofStore.Kind.FLOW, flow, answers);
            }
            return completed(completer.submit(p, flow, answers, now), flow);
        }
        sessions.save(updated.at(null, Session.Mode.CONFIRMING, now));
        OutboundMessage summary = new OutboundMessage(subject(flow, p), text.summary(flow, answers, p.language()), null,
                null, List.of(), Map.of(), null, null);
        return List.of(AddressProof.required(flow) ? proof.summary(p, flow, answers, summary) : summary);
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
        List<Step> missing = missing(flow, s.answers());
        if (raw.isEmpty() && missing.size() == 1 && !trimmed.isBlank() && s.mode() == Session.Mode.ASKING) {
            raw = Map.of(missing.get(0).id(), trimmed);
        }
        return raw;
    }

    private void accept(Step step, String value, Map<String, String> known, Map<String, String> answers,
                        Map<String, Text> errors) {
        String candidate = value;
        boolean none = step.optional() && !(step.type() instanceof StepType.YesNo) && validator.isSkip(candidate);
        if (candidate.isBlank() || menu.isSkip(candidate) || none) {
            String prefill = step.prefill() == null ? null : known.get(step.prefill());
            if (prefill != null && !prefill.isBlank() && !menu.isSkip(candidate) && !none) {
                candidate = prefill;
            } else if (step.optional()) {
                answers.put(step.id(), "");
                return;
            } else {
                return;
            }
        }
        Validation v = validator.validate(step.type(), candidate);
        if (v instanceof Validation.Valid ok) {
            answers.put(step.id(), ok.value());
            errors.remove(step.id());
        } else {
            answers.remove(step.id());
            errors.put(step.id(), ((Validation.Invalid) v).reason());
        }
    }

    private List<OutboundMessage> ask(Participant p, FlowDefinition flow, Session s, Map<String, Text> errors, boolean first) {
        List<Step> steps = missing(flow, s.answers());
        String body = isOneYesNo(flow)
                ? text.yesNoQuestion(flow, errors.get(flow.steps().get(0).id()), p.language())
                : text.form(flow, steps, errors, known(p), p.language(), first);
        return List.of(new OutboundMessage(subject(flow, p), body, null, null, List.of(), Map.of(), null, null));
    }

    private List<OutboundMessage> completed(List<Reply> replies, FlowDefinition flow) {
        return replies.stream().map(r -> OutboundMessage.text(r.text())).toList();
    }

    private static List<Step> missing(FlowDefinition flow, Map<String, String> answers) {
        return flow.steps().stream().filter(st -> st.appliesTo(answers) && !answers.containsKey(st.id())).toList();
    }

    private static String subject(FlowDefinition flow, Participant p) {
        return flow.title().label(p.language());
    }

    private Map<String, String> known(Participant p) {
        Map<String, String> all = new HashMap<>();
        knownDetails.forEach(k -> all.putAll(k.of(p)));
        return all;
    }
}
