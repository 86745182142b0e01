package org.engagebot.contacts.identity;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class IdentityMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "identity";
    }
}
