package org.engagebot.privacy;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;

/**
 * Completes conversations/forget.yaml: on "yes" erases the person. The erasure runs once the inbound transaction
 * commits ({@link Erasures}); its last transaction queues the goodbye, so the person is told only when everything
 * is gone, and marks it for blanking once sent ({@link GoodbyeScrubber}): nothing addressed to them outlives its
 * delivery.
 */
@Singleton
@Named(ForgetAction.NAME)
class ForgetAction implements FlowAction {
    static final String NAME = "forget-me";

    private final PrivacyService privacy;
    private final Messages messages;

    ForgetAction(PrivacyService privacy, Messages messages) {
        this.privacy = privacy;
        this.messages = messages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        if (!c.yes("sure")) {
            return Outcome.of(messages.get("privacy.forget.kept"));
        }
        privacy.eraseWithGoodbye(c.participant(), "privacy.forget.done", "privacy.forget.not-registered");
        return new Outcome(java.util.List.of());
    }
}
