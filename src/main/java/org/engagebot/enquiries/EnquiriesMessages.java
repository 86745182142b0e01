package org.engagebot.enquiries;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class EnquiriesMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "enquiries";
    }
}
