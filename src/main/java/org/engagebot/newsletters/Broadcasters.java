package org.engagebot.newsletters;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The Telegram chats allowed to broadcast ({@code engagebot.newsletters.telegram-broadcasters}). */
@Singleton
class Broadcasters {
    private final Set<String> chatIds;

    Broadcasters(@Nullable @Value("${engagebot.newsletters.telegram-broadcasters:}") List<String> chatIds) {
        this.chatIds = chatIds == null ? Set.of()
                : chatIds.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(Participant p) {
        return p != null && "telegram".equals(p.channel()) && chatIds.contains(p.address());
    }
}
