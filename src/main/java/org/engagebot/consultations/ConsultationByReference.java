package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailRoute;
import org.engagebot.channel.OutboundMessage;

import java.util.List;
import java.util.Optional;

/**
 * Mail without a reply token that names a published consultation's reference (CON-2026-01) is a response to it.
 * The subject always counts; the new text only when the sender is not in the middle of an email form (whose
 * answers may mention a reference). Runs in the inbound transaction.
 */
@Singleton
class ConsultationByReference implements MailRoute {
    private final ConsultationService consultations;

    ConsultationByReference(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @Override
    public Optional<List<OutboundMessage>> route(MailReply reply, boolean inForm) {
        Optional<Consultation> named = consultations.byReference(reply.subject());
        if (named.isEmpty() && !inForm) {
            named = consultations.byReference(reply.trimmedText());
        }
        return named.map(c -> consultations.recordEmailResponse(c.id(), reply));
    }
}
