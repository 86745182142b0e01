package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class NewslettersMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "newsletters";
    }
}
