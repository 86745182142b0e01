package org.engagebot.contacts;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.contacts.identity.AddressProofs;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.StepType;

/**
 * Completes the register flow. The typed email address is a claim: unless this participant is already linked to the
 * contact holding that address and the address was confirmed, the answers wait ({@link PendingRegistrations}) while a
 * code is emailed to the address, and the confirm-address flow asks for it; {@link ConfirmedRegistration} applies
 * them once it is typed in this conversation. The reply is the same whether or not the address is known.
 * An email registration confirmed through a token sent to that very address (the email channel's proof) needs no code.
 */
@Singleton
@Named(RegistrationAction.NAME)
class RegistrationAction implements FlowAction {
    static final String NAME = "register-contact";

    private final ContactService contacts;
    private final PendingRegistrations pending;
    private final AddressProofs proofs;
    private final Messages messages;

    RegistrationAction(ContactService contacts, PendingRegistrations pending, AddressProofs proofs, Messages messages) {
        this.contacts = contacts;
        this.pending = pending;
        this.proofs = proofs;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        Registration r = registration(c);
        Participant p = c.participant();
        boolean channelProved = c.addressProof() != null && r.email() != null && r.email().equalsIgnoreCase(p.address());
        if (channelProved || contacts.provenFor(p, r.email())) {
            ContactService.Registered result = contacts.register(r, p, channelProved ? c.addressProof() : null);
            return Outcome.of(messages.get(result.updated() ? "contacts.registration.updated" : "contacts.registration.done",
                    result.contact().organisation()));
        }
        pending.hold(p.id(), r);
        AddressProofs.Started started = proofs.start(r.email(), p, ConfirmedRegistration.PURPOSE);
        if (started instanceof AddressProofs.Started.Sent sent) {
            return Outcome.then(AddressProofs.CONFIRM_FLOW, messages.get("identity.registration.code-sent", sent.address(),
                    Math.max(1, sent.validFor().toMinutes()), Math.max(1, pending.ttl().toHours())));
        }
        return Outcome.of(messages.get("identity.code.refused"));
    }

    private static Registration registration(Completion c) {
        String version = c.flow().step("consent").map(s -> ((StepType.Consent) s.type()).version()).orElse("unknown");
        Language language = c.participant().language();
        String website = c.answer("website");
        String email = c.answer("email") == null ? null : c.answer("email").strip().toLowerCase(java.util.Locale.ROOT);
        return new Registration(c.answer("organisation"), c.answer("contact_name"), c.answer("area"), email,
                c.answer("phone"), website == null || website.isEmpty() ? null : website, c.answer("description"),
                language == null ? null : language.code(), c.yes("newsletter"), version);
    }
}
