package org.engagebot.visits;

import jakarta.inject.Singleton;
import org.engagebot.conversation.MessageBundle;

/** What applicants are told when staff enter the visit form they sent on paper or by email. */
@Singleton
class VisitPaperMessages implements MessageBundle {
    @Override
    public String baseName() {
        return "visitpaper";
    }
}
