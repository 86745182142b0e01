package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.contacts.identity.ProvenAddressAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * Purpose "register": once the participant has proven the address, the registration that waited for it is applied
 * (a new contact, or the update of the one holding the address), the participant linked and consent recorded.
 */
@Singleton
class ConfirmedRegistration implements ProvenAddressAction {
    static final String PURPOSE = "register";

    private final PendingRegistrations pending;
    private final ContactService contacts;
    private final Messages messages;

    ConfirmedRegistration(PendingRegistrations pending, ContactService contacts, Messages messages) {
        this.pending = pending;
        this.contacts = contacts;
        this.messages = messages;
    }

    @Override
    public String purpose() {
        return PURPOSE;
    }

    @Override
    public List<Text> proven(Participant participant, String address, String method) {
        return pending.waiting(participant.id(), address).map(r -> {
            pending.drop(participant.id());
            ContactService.Registered result = contacts.register(r, participant, method);
            return List.of(messages.get(result.updated() ? "contacts.registration.updated" : "contacts.registration.done",
                    result.contact().organisation()));
        }).orElseGet(() -> List.of(messages.get("identity.registration.gone")));
    }

    @Override
    public boolean awaits(Participant participant, String address) {
        return pending.waiting(participant.id(), address).isPresent();
    }
}
