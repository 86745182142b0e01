package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class EmailMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "email";
    }
}
