package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

@Singleton
class ConsultationsMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "consultations";
    }
}
