package org.engagebot.enquiries;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Participant;

import java.time.Clock;

/**
 * Completes the "message" flow (conversations/message.yaml): stores the message for staff with who sent it, and
 * tells the sender it has gone and that the reply will come here, and tells staff by email when configured. Runs inside the inbound transaction.
 */
@Singleton
@Named(EnquiryAction.NAME)
class EnquiryAction implements FlowAction {
    static final String NAME = "send-enquiry";

    private final EnquiryStore store;
    private final ContactService contacts;
    private final Messages messages;
    private final EnquiryNotice notice;
    private final Clock clock;

    EnquiryAction(EnquiryStore store, ContactService contacts, Messages messages, EnquiryNotice notice, Clock clock) {
        this.store = store;
        this.notice = notice;
        this.contacts = contacts;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        Participant p = c.participant();
        Long contactId = contacts.forParticipant(p).map(Contact::id).orElse(null);
        long id = store.insert(p.id(), contactId, p.channel(), p.language() == null ? null : p.language().code(),
                c.answer("message"), clock.instant());
        notice.tellStaff(id, p.channel());
        return Outcome.of(messages.get("enquiries.received", id));
    }
}
