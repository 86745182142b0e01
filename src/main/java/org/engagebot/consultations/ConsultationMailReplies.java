package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;

import java.util.List;
import java.util.Optional;

/**
 * Email replies to invitations and reminders: the token ("c-...") names the consultation and the invitee it was
 * sent to. Only a reply from that invitee's address speaks for them; anyone else's is their own response, flagged.
 */
@Singleton
class ConsultationMailReplies implements MailReplyHandler {
    static final String PREFIX = "c";

    private final ResponseStore responses;
    private final ConsultationService service;

    ConsultationMailReplies(ResponseStore responses, ConsultationService service) {
        this.responses = responses;
        this.service = service;
    }

    @Override
    public String tokenPrefix() {
        return PREFIX;
    }

    @Override
    public List<OutboundMessage> onReply(String token, MailReply reply) {
        Optional<Invitee> invitee = responses.inviteeByToken(token);
        if (invitee.isEmpty()) {
            return List.of(service.notMatched(reply));
        }
        return service.recordEmail(invitee.get().consultationId(), invitee.get(), reply);
    }
}
