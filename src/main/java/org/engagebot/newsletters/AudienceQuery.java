package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Reachability;

/**
 * A newsletter's audience, page by page in contact id order, as contacts' {@link Reachability} answers it for the
 * newsletter purpose (consent per channel, email hold, linked chats, language fallback).
 */
@Singleton
class AudienceQuery {
    private final Reachability reach;

    AudienceQuery(Reachability reach) {
        this.reach = reach;
    }

    AudienceBatch next(Audience audience, long afterContactId, int limit) {
        Reachability.Batch b = reach.page(Reachability.Purpose.NEWSLETTER, audience.filter(), afterContactId, limit);
        return new AudienceBatch(b.recipients().stream()
                .map(r -> new Recipient(r.contactId(), r.channel(), r.address(), r.language())).toList(),
                b.lastContactId(), b.contacts(), b.onHold(), b.noChannel());
    }
}
