package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class VisitsMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "visits";
    }
}
