package org.engagebot.consultations;

import jakarta.inject.Singleton;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stores a response from any channel: a repeat (same inbox message or Message-ID) changes nothing; a later
 * response from the same person is an amendment (next version, linked); after the close it is kept, flagged
 * late. Only a proven sender (a chat, or a reply token sent to the sender's own address) may amend: an email that
 * would amend without that proof is kept as a separate response, flagged for staff. Returns the one
 * acknowledgement to send, in the respondent's language (both when unknown).
 */
@Singleton
class ResponseRecorder {
    static final String UNPROVEN_SENDER = "sent without a reply token from this address, so not proven to come from "
            + "its holder; kept apart from their own response";
    static final String UNPROVEN_CHANGE = "sent without a reply token from this address, so not taken as a change to %s";

    private final ResponseStore store;
    private final ContactService contacts;
    private final ConsultationTexts texts;

    ResponseRecorder(ResponseStore store, ContactService contacts, ConsultationTexts texts) {
        this.store = store;
        this.contacts = contacts;
        this.texts = texts;
    }

    /** What was stored and what to say; {@code response} is empty for a repeat, which gets no reply. */
    record Recorded(Optional<Response> response, Language language, Text acknowledgement) {
    }

    Recorded record(Consultation c, Incoming in) {
        if (store.seen(c.id(), in.inboxId(), in.messageId())) {
            return new Recorded(Optional.empty(), null, null);
        }
        Participant p = in.participant();
        Invitee invitee = in.invitee() != null ? in.invitee() : store.invitee(c.id(), p.channel(), p.address()).orElse(null);
        Optional<Contact> contact = contact(p, in.proven() ? invitee : null);
        String key = contact.map(x -> "contact:" + x.id()).orElse("participant:" + p.id());
        Optional<Response> previous = store.latest(c.id(), key);
        String flag = in.flag();
        if (!in.proven() && (previous.isPresent() || contact.isPresent())) {
            // A From header is a claim: mail without a proven token never amends a response, and never starts the
            // response of a contact we hold either (else her own reply with her token would amend a stranger's text).
            key = "unproven:" + (in.inboxId() != null ? "inbox-" + in.inboxId() : in.messageId());
            flag = flag != null ? flag : previous.isPresent() ? UNPROVEN_CHANGE.formatted(previous.get().reference())
                    : UNPROVEN_SENDER;
            previous = Optional.empty();
        }
        Language language = Stream.of(p.language(), in.language(), invitee == null ? null : invitee.language(),
                contact.flatMap(x -> Language.parse(x.language())).orElse(null)).filter(l -> l != null).findFirst().orElse(null);
        boolean telegram = p.channel().equals("telegram");
        Response r = new Response(0, c.id(), key, invitee == null ? null : invitee.id(), contact.map(Contact::id).orElse(null),
                p.id(), p.channel(), p.address(), language, contact.isPresent() ? contact.get().name() : p.displayName(),
                contact.map(Contact::email).orElse(p.channel().equals("email") ? p.address() : null),
                telegram ? p.address() : null, in.text(), in.answers(), previous.map(x -> x.version() + 1).orElse(1),
                previous.map(Response::id).orElse(null), in.inboxId(), in.messageId(), c.closedAt(in.receivedAt()),
                List.of(), in.receivedAt(), flag, in.authentication());
        long id = store.insert(r);
        Response stored = store.byId(c.id(), id).orElseThrow();
        return new Recorded(Optional.of(stored), language, acknowledgement(c, stored, previous.isPresent()));
    }

    private Optional<Contact> contact(Participant p, Invitee invitee) {
        if (invitee != null && invitee.contactId() != null) {
            Optional<Contact> invited = contacts.byId(invitee.contactId());
            if (invited.isPresent()) {
                return invited;
            }
        }
        Optional<Contact> linked = contacts.forParticipant(p);
        return linked.isPresent() || !p.channel().equals("email") ? linked : contacts.byEmail(p.address());
    }

    private Text acknowledgement(Consultation c, Response r, boolean amendment) {
        if (r.late()) {
            return ConsultationTexts.both(l -> texts.say("consultations.ack.late", l, r.reference(), c.title().in(l),
                    ConsultationTexts.date(c.closesAt(), l)));
        }
        if (amendment) {
            return ConsultationTexts.both(l -> texts.say("consultations.ack.amended", l, r.reference(), r.version()));
        }
        return ConsultationTexts.both(l -> texts.say("consultations.ack", l, r.reference(), c.title().in(l)));
    }
}
