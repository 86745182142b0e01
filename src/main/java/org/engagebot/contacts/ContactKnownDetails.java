package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.conversation.KnownDetails;
import org.engagebot.conversation.Participant;

import java.util.HashMap;
import java.util.Map;

/** Offers a registered contact's details as defaults, so forms do not ask again what we know. */
@Singleton
class ContactKnownDetails implements KnownDetails {
    private final ContactService contacts;

    ContactKnownDetails(ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public Map<String, String> of(Participant participant) {
        Map<String, String> known = new HashMap<>();
        if ("email".equals(participant.channel())) {
            known.put("email", participant.address());
        }
        contacts.linked(participant).ifPresent(c -> {
            put(known, "organisation", c.organisation());
            put(known, "name", c.name());
            put(known, "email", c.email());
            put(known, "phone", c.phone());
            put(known, "website", c.website());
            put(known, "area", c.area());
        });
        return known;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
