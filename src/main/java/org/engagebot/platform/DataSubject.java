package org.engagebot.platform;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * Who a my-data export (or an erasure) is about: their contact (null when they never registered), the participant
 * rows of all their linked channels, and every (channel, address) messages to or from them were stored under
 * (their contact's email among them). Gathered once by privacy and handed to each owner of personal data.
 */
public record DataSubject(@Nullable Long contactId, List<Long> participantIds, List<Address> addresses) {

    public record Address(String channel, String address) {
    }

    public DataSubject {
        participantIds = List.copyOf(participantIds);
        addresses = List.copyOf(addresses);
    }

    public boolean registered() {
        return contactId != null;
    }

    /** The addresses on the email channel, lower-cased, each once. */
    public List<String> emails() {
        return addresses.stream().filter(a -> a.channel().equals("email")).map(a -> a.address().toLowerCase(Locale.ROOT))
                .distinct().toList();
    }
}
