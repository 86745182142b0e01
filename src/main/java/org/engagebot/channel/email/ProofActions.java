package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.AnswerValidator;
import org.engagebot.conversation.FlowCompleter;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.FlowRegistry;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.conversation.SessionStore;
import org.engagebot.conversation.Step;
import org.engagebot.conversation.Validation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Does what a proven request asked, as the owner of the address it was sent to: sends their data, erases them, or
 * completes the form with the answers they saw. Reached by a reply from that address ({@link ProofReplies}) or by
 * the link's button ({@link ProofController}); either uses the token up. Runs in the caller's transaction.
 */
@Singleton
class ProofActions {
    private final ProofStore store;
    private final AddressProof proof;
    private final FlowRegistry flows;
    private final FlowCompleter completer;
    private final AnswerValidator validator;
    private final SessionStore sessions;
    private final Participants participants;
    private final EmailMyData myData;
    private final EmailForms forms;
    private final EmailMenu menu;
    private final Outbox outbox;
    private final Clock clock;

    ProofActions(ProofStore store, AddressProof proof, FlowRegistry flows, FlowCompleter completer,
                 AnswerValidator validator, SessionStore sessions, Participants participants, EmailMyData myData,
                 EmailForms forms, EmailMenu menu, Outbox outbox, Clock clock) {
        this.store = store;
        this.proof = proof;
        this.flows = flows;
        this.completer = completer;
        this.validator = validator;
        this.sessions = sessions;
        this.participants = participants;
        this.myData = myData;
        this.forms = forms;
        this.menu = menu;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A reply from the address the request went to: acts on yes / confirm / any words for my data. */
    List<OutboundMessage> onReply(String token, ProofStore.Pending pending, MailReply reply) {
        Participant owner = owner(reply.participant(), pending);
        String trimmed = reply.trimmedText() == null ? "" : reply.trimmedText();
        if (pending.kind() != ProofStore.Kind.MYDATA && menu.isCancel(trimmed)) {
            store.consume(token);
            return List.of(menu.cancelled(owner.language(), true));
        }
        return switch (pending.kind()) {
            case MYDATA -> store.consume(token) ? List.of(myData.export(owner)) : List.of();
            case FORGET -> forget(token, pending, owner, trimmed);
            case FLOW -> menu.isConfirm(trimmed) ? complete(token, pending, owner)
                    : forms.handle(owner, reply.subject(), reply.fullText(), trimmed);
        };
    }

    /** The link's button: acts and queues what to tell the owner; empty when the token is not (or no longer) valid. */
    Optional<ProofStore.Kind> onLink(String token) {
        Optional<ProofStore.Pending> pending = store.find(token);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        ProofStore.Pending p = pending.get();
        Participant owner = owner(participants.identify(EmailChannel.NAME, p.address(), null), p);
        List<OutboundMessage> replies = switch (p.kind()) {
            case MYDATA -> store.consume(token) ? List.of(myData.export(owner)) : List.of();
            case FORGET -> store.consume(token) ? submit(owner, flow(p), Map.of(flow(p).steps().get(0).id(), "yes")) : List.of();
            case FLOW -> complete(token, p, owner);
        };
        replies.forEach(m -> outbox.enqueueReply(EmailChannel.NAME, p.address(), m));
        outbox.wake(EmailChannel.NAME);
        return Optional.of(p.kind());
    }

    private List<OutboundMessage> forget(String token, ProofStore.Pending pending, Participant owner, String trimmed) {
        FlowDefinition flow = flow(pending);
        Step step = flow.steps().get(0);
        Validation v = validator.validate(step.type(), firstLine(trimmed));
        if (v instanceof Validation.Invalid invalid) {
            return List.of(proof.again(pending, flow, invalid.reason(), token));
        }
        return store.consume(token) ? submit(owner, flow, Map.of(step.id(), ((Validation.Valid) v).value())) : List.of();
    }

    private List<OutboundMessage> complete(String token, ProofStore.Pending pending, Participant owner) {
        if (!store.consume(token)) {
            return List.of();
        }
        if (pending.requesterId() != null && pending.requesterId() != owner.id()) {
            sessions.delete(pending.requesterId());
        }
        // The owner answered a single-use token sent to her own address (or pressed its link): her address is proven.
        return submit(owner, flow(pending), pending.answers(), "reply");
    }

    private List<OutboundMessage> submit(Participant owner, FlowDefinition flow, Map<String, String> answers) {
        return submit(owner, flow, answers, null);
    }

    private List<OutboundMessage> submit(Participant owner, FlowDefinition flow, Map<String, String> answers, String proof) {
        return completer.submit(owner, flow, answers, clock.instant(), proof).stream()
                .map(r -> OutboundMessage.text(r.text())).toList();
    }

    private FlowDefinition flow(ProofStore.Pending pending) {
        return flows.find(pending.flowId()).orElseThrow(() -> new IllegalStateException("No flow " + pending.flowId()));
    }

    private static Participant owner(Participant p, ProofStore.Pending pending) {
        return p.language() == null && pending.language() != null ? p.withLanguage(pending.language()) : p;
    }

    private static String firstLine(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
