package org.engagebot.contacts.identity;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Language;

import java.util.List;
import java.util.Optional;

/**
 * Who already holds an email address (the contacts feature answers), so that its owner can be told, in their
 * language and on their linked channels, that someone else is trying to use it. Never shown to the one asking.
 */
public interface AddressHolders {

    Optional<Holder> holding(String address);

    /**
     * @param subject        how the audit log names the holder, e.g. "contact:12"
     * @param language       the holder's language, null when unknown
     * @param participantIds the holder's linked channels
     */
    record Holder(String subject, @Nullable Language language, List<Long> participantIds) {
    }
}
