package org.engagebot.privacy;

import org.engagebot.platform.DataSubject;

import java.util.List;

/**
 * Everything that identifies one person: their contact (null when not registered), the participant rows of
 * all their linked channels, and the (channel, address) pairs messages to or from them were stored under.
 */
record Person(Long contactId, List<Long> participantIds, List<Address> addresses) {

    record Address(String channel, String address) {
    }

    boolean registered() {
        return contactId != null;
    }

    /** The same person as the owners of personal data are handed it. */
    DataSubject subject() {
        return new DataSubject(contactId, participantIds,
                addresses.stream().map(a -> new DataSubject.Address(a.channel(), a.address())).toList());
    }
}
