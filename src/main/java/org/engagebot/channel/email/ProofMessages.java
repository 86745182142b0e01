package org.engagebot.channel.email;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

/** Texts of requests for proof of an address (i18n/proof_*.properties). */
@Singleton
class ProofMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "proof";
    }
}
