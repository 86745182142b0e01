package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.contacts.identity.AddressHolders;
import org.engagebot.conversation.Language;

import java.util.Optional;

/** The contact holding an address, for warning its owner that someone else is trying to use it. */
@Singleton
class ContactAddressHolders implements AddressHolders {
    private final ContactStore store;

    ContactAddressHolders(ContactStore store) {
        this.store = store;
    }

    @Override
    public Optional<Holder> holding(String address) {
        return store.byEmail(address).map(c -> new Holder("contact:" + c.id(), Language.parse(c.language()).orElse(null),
                store.linkedParticipants(c.id())));
    }
}
