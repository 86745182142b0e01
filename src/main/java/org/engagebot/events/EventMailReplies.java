package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.channel.MailReply;
import org.engagebot.channel.MailReplyHandler;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email replies to event invitations, reminders and place offers (token "e-..."): a reply starting "Question:"
 * is a question for the Commissioner; otherwise it is read as an RSVP. A reply from an address other than the
 * invited one is that sender's own answer, never the invitee's. Acknowledged in the reply's thread.
 */
@Singleton
class EventMailReplies implements MailReplyHandler {
    private final RsvpStore store;
    private final EventStore events;
    private final EmailRsvpReader reader;
    private final Rsvps rsvps;
    private final Questions questions;
    private final People people;
    private final EventTexts texts;

    EventMailReplies(RsvpStore store, EventStore events, EmailRsvpReader reader, Rsvps rsvps, Questions questions,
                     People people, EventTexts texts) {
        this.store = store;
        this.events = events;
        this.reader = reader;
        this.rsvps = rsvps;
        this.questions = questions;
        this.people = people;
        this.texts = texts;
    }

    @Override
    public String tokenPrefix() {
        return Invitations.PREFIX;
    }

    @Override
    public List<OutboundMessage> onReply(String token, MailReply reply) {
        Optional<Invitee> invitee = store.inviteeByToken(token);
        Optional<Event> event = invitee.flatMap(i -> events.byId(i.eventId()));
        if (event.isEmpty()) {
            return List.of(answer(reply, null, texts.get("events.email.unknown-token"), null));
        }
        Event e = event.get();
        Person person = people.ofEmail(reply.participant(), invitee.get());
        Language l = person.language();
        String text = reply.trimmedText() == null ? "" : reply.trimmedText();
        Optional<String> question = reader.question(text);
        if (question.isPresent()) {
            return questions.ask(e, person, question.get(), reply.inboxId(), reply.receivedAt())
                    .map(t -> List.of(answer(reply, l, t, token))).orElse(List.of());
        }
        if (!e.openAt(reply.receivedAt())) {
            return List.of(answer(reply, l, texts.text("events.closed", x -> new Object[]{e.title().in(x)}), token));
        }
        Optional<RsvpAnswers> read = reader.read(text);
        if (read.isEmpty()) {
            return List.of(answer(reply, l, texts.text("events.email.not-understood", x -> new Object[]{e.title().in(x)}),
                    token));
        }
        return List.of(answer(reply, l, rsvps.answer(e, person, read.get(), reply.receivedAt()).acknowledgement(), token));
    }

    private static OutboundMessage answer(MailReply reply, Language l, Text text, String token) {
        String subject = reply.subject() == null || reply.subject().isBlank() ? null
                : reply.subject().regionMatches(true, 0, "Re:", 0, 3) ? reply.subject() : "Re: " + reply.subject();
        return new OutboundMessage(subject, text.in(l), null, null, List.of(), Map.of(), token, reply.messageId());
    }
}
