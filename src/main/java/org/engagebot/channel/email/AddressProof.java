package org.engagebot.channel.email;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.FlowDefinition;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An email's From header is a claim, not an identity. Before anything reveals, changes or erases what is held about
 * a person (my data, forget me, a registration), this sends the request to the address that must agree (the
 * address on file, or the one being registered) with a single-use token in its Reply-To plus address and in a
 * link. Only a reply from that address carrying the token ({@link ProofReplies}), or the link's button
 * ({@link ProofController}), acts. When the sender writes from another address, the message goes there (within
 * its daily reply allowance) and the sender is told so. Runs in the inbound transaction.
 */
@Singleton
class AddressProof {
    private static final Logger LOG = LoggerFactory.getLogger(AddressProof.class);
    private static final String REGISTER = "register-contact";
    private static final Set<String> ACTIONS = Set.of("forget-me", REGISTER);

    private final ProofStore store;
    private final ContactService contacts;
    private final Outbox outbox;
    private final ReplyQuota quota;
    private final FormText text;
    private final Messages messages;
    private final String publicUrl;

    AddressProof(ProofStore store, ContactService contacts, Outbox outbox, ReplyQuota quota, FormText text,
                 Messages messages, @Value("${engagebot.public-url:`http://localhost:8080`}") String publicUrl) {
        this.store = store;
        this.contacts = contacts;
        this.outbox = outbox;
        this.quota = quota;
        this.text = text;
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** True when completing the flow changes or erases a person's records, so its address must be proven first. */
    static boolean required(FlowDefinition flow) {
        return ACTIONS.contains(flow.action());
    }

    /** A flow's summary: with the proof attached when the sender writes from the address to prove, else a note. */
    OutboundMessage summary(Participant p, FlowDefinition flow, Map<String, String> answers, OutboundMessage summary) {
        String address = addressFor(p, flow, answers);
        if (!address.equalsIgnoreCase(p.address())) {
            return summary.withText(summary.text() + "\n"
                    + FormText.both(messages.get("proof.summary.elsewhere", address), p.language()) + "\n");
        }
        String token = store.issue(new ProofStore.Pending(ProofStore.Kind.FLOW, address, p.id(), flow.id(), answers,
                p.language()));
        return withProof(summary, token, p.language());
    }

    /** Asks the owner of the address to confirm; answers what to tell the sender (the request itself when it is them). */
    List<OutboundMessage> request(Participant p, ProofStore.Kind kind, FlowDefinition flow, Map<String, String> answers) {
        String address = kind == ProofStore.Kind.FLOW ? addressFor(p, flow, answers) : onFile(p);
        boolean sender = address.equalsIgnoreCase(p.address());
        Language language = sender ? p.language()
                : contacts.byEmail(address).flatMap(c -> Language.parse(c.language())).orElse(null);
        String token = store.issue(new ProofStore.Pending(kind, address, p.id(), flow == null ? null : flow.id(),
                answers, language));
        OutboundMessage request = withProof(message(kind, flow, answers, language, sender ? null : p.address()), token,
                language);
        if (sender) {
            return List.of(request);
        }
        if (quota.take(address)) {
            outbox.enqueueReply(EmailChannel.NAME, address, request);
        } else {
            LOG.info("Proof request not sent: daily reply limit reached for the address on file");
        }
        Text notice = kind == ProofStore.Kind.FLOW ? messages.get("proof.notice.sent-to", address)
                : messages.get("proof.notice.on-file");
        return List.of(OutboundMessage.text(FormText.both(notice, p.language())));
    }

    /** The request again (e.g. after an answer that was neither yes nor no), with the same token. */
    OutboundMessage again(ProofStore.Pending pending, FlowDefinition flow, Text error, String token) {
        String body = text.yesNoQuestion(flow, error, pending.language());
        return withProof(new OutboundMessage(flow.title().label(pending.language()), body, null, null, List.of(),
                Map.of(), null, null), token, pending.language());
    }

    String link(String token) {
        return publicUrl + "/public/confirm/" + token;
    }

    private OutboundMessage message(ProofStore.Kind kind, FlowDefinition flow, Map<String, String> answers,
                                    Language language, String askedBy) {
        return switch (kind) {
            case MYDATA -> OutboundMessage.text(FormText.both(messages.get("proof.mydata.body"), language))
                    .withSubject(messages.get("email.mydata.subject").label(language));
            case FORGET -> OutboundMessage.text(text.yesNoQuestion(flow, null, language))
                    .withSubject(flow.title().label(language));
            case FLOW -> OutboundMessage.text((askedBy == null ? ""
                            : FormText.both(messages.get("proof.register.asked-by", askedBy), language) + "\n\n")
                            + text.summary(flow, answers, language)).withSubject(flow.title().label(language));
        };
    }

    private OutboundMessage withProof(OutboundMessage m, String token, Language language) {
        return m.withText(m.text().stripTrailing() + "\n\n"
                        + FormText.both(messages.get("proof.link", link(token)), language) + "\n\n"
                        + FormText.both(messages.get("proof.ignore"), language) + "\n")
                .withReplyToken(token);
    }

    /** The address whose owner must agree: the one being registered, else the address on file. */
    private String addressFor(Participant p, FlowDefinition flow, Map<String, String> answers) {
        String email = answers.get("email");
        if (REGISTER.equals(flow.action()) && email != null && !email.isBlank()) {
            return email.strip().toLowerCase(Locale.ROOT);
        }
        return onFile(p);
    }

    /** The email on the sender's contact (linked, or with the sender's address), else the sender's own address. */
    private String onFile(Participant p) {
        Optional<Contact> contact = contacts.forParticipant(p).or(() -> contacts.byEmail(p.address()));
        return contact.map(Contact::email).filter(e -> !e.isBlank()).map(e -> e.toLowerCase(Locale.ROOT))
                .orElse(p.address());
    }
}
