package org.engagebot.events;

import io.micronaut.core.annotation.Nullable;
import org.engagebot.conversation.Language;

/**
 * Who answered or asked, and where to tell them things. {@code key} is their contact ("contact:12") when the
 * channel is linked to one, else the channel address ("telegram:5001", "email:a@b"), so one person has one
 * answer per event however many times they reply. {@code via} is the channel they used; {@code channel}/{@code address}
 * is where to tell them things: the same, or the email a web visitor gave, or null (then they are told nothing).
 */
record Person(String key, @Nullable Long contactId, @Nullable Long participantId, String via, @Nullable String channel,
              @Nullable String address, @Nullable Language language, @Nullable String name, @Nullable String email,
              @Nullable String telegram) {

    boolean reachable() {
        return channel != null && address != null && (channel.equals("email") || channel.equals("telegram"));
    }
}
