package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class ContactsMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "contacts";
    }
}
