package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class EventsMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "events";
    }
}
