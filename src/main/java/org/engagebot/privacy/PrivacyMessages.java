package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class PrivacyMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "privacy";
    }
}
