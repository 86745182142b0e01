package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.channel.Notifier;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RSVP rules, the same from every channel: one answer per person, updated when they answer again. A yes
 * takes a place while there is one, else joins the waiting list (keeping its turn if it was already waiting); a
 * yes that becomes no or maybe frees the place, and the first person waiting gets it and is told on their channel.
 * Call inside a write transaction (the inbound one, or the API's).
 */
@Singleton
class Rsvps {
    static final String BATCH = "event-place";

    private final RsvpStore store;
    private final EventTexts texts;
    private final Notifier notifier;

    Rsvps(RsvpStore store, EventTexts texts, Notifier notifier) {
        this.store = store;
        this.texts = texts;
        this.notifier = notifier;
    }

    /** The answer as stored, and what to tell the person who gave it. */
    record Answered(Rsvp rsvp, Text acknowledgement) {
    }

    Answered answer(Event e, Person person, RsvpAnswers a, Instant now) {
        Optional<Rsvp> before = store.find(e.id(), person.key());
        boolean coming = a.answer() != Rsvp.Answer.NO;
        Instant waiting = null;
        if (a.answer() == Rsvp.Answer.YES) {
            boolean hadPlace = before.map(Rsvp::placed).orElse(false);
            Instant wasWaiting = before.filter(r -> r.answer() == Rsvp.Answer.YES).map(Rsvp::waitlistedSince).orElse(null);
            waiting = hadPlace ? null : wasWaiting != null ? wasWaiting : full(e) ? now : null;
        }
        Person who = withTyped(person, a);
        store.save(e.id(), who, a.answer(), coming ? a.accessNeeds() : null, coming && a.translation(),
                coming ? a.dietary() : null, waiting, now);
        Rsvp saved = store.find(e.id(), who.key()).orElseThrow();
        if (before.map(Rsvp::placed).orElse(false) && !saved.placed()) {
            offerPlace(e);
        }
        return new Answered(saved, acknowledgement(e, saved, before.map(Rsvp::placed).orElse(false)));
    }

    /** Gives freed places to those waiting, in turn, and tells each on their channel. */
    void offerPlace(Event e) {
        while (!full(e)) {
            Optional<Rsvp> next = store.firstWaiting(e.id());
            if (next.isEmpty()) {
                return;
            }
            store.givePlace(next.get().id());
            tellPromoted(e, next.get());
        }
    }

    private boolean full(Event e) {
        return e.capacity() != null && store.placed(e.id()) >= e.capacity();
    }

    private void tellPromoted(Event e, Rsvp r) {
        Person p = r.person();
        if (!p.reachable()) {
            return;
        }
        Language l = p.language();
        Text text = texts.text("events.promoted", x -> new Object[]{e.title().in(x), EventTexts.time(e.startsAt(), x)});
        OutboundMessage m = Notifier.message(new Notifier.Recipient(p.channel(), p.address(), l), text, e.title());
        if (p.channel().equals("telegram")) {
            m = new OutboundMessage(null, m.text(), null, null, List.of(new Choice(EventCommands.cancelCommand(e),
                    texts.get("events.button.cancel").label(l))), null, null, null);
        }
        notifier.send(new Notifier.Recipient(p.channel(), p.address(), l), m, Outbox.REPLY, BATCH, e.id());
        notifier.wake(p.channel());
    }

    private static Person withTyped(Person p, RsvpAnswers a) {
        if (a.name() == null && a.email() == null) {
            return p;
        }
        boolean noChannel = p.channel() == null;
        String email = p.email() != null ? p.email() : a.email();
        return new Person(p.key(), p.contactId(), p.participantId(), p.via(),
                noChannel && email != null ? "email" : p.channel(),
                noChannel ? email : p.address(), p.language(), p.name() != null && p.contactId() != null ? p.name()
                : a.name() != null ? a.name() : p.name(), email, p.telegram());
    }

    private Text acknowledgement(Event e, Rsvp r, boolean hadPlace) {
        Text main = switch (r.answer()) {
            case YES -> r.waitlisted()
                    ? texts.text("events.ack.waitlisted", l -> new Object[]{e.title().in(l), store.positionOf(r)})
                    : texts.text(hadPlace ? "events.ack.already-placed" : "events.ack.placed",
                    l -> new Object[]{e.title().in(l), EventTexts.time(e.startsAt(), l)});
            case NO -> texts.text("events.ack.no", l -> new Object[]{e.title().in(l)});
            case MAYBE -> texts.text("events.ack.maybe", l -> new Object[]{e.title().in(l)});
        };
        List<String> en = noted(r, Language.EN);
        List<String> cy = noted(r, Language.CY);
        if (en.isEmpty()) {
            return main;
        }
        return main.append(new Text(texts.say("events.ack.noted", Language.EN, String.join("; ", en)),
                texts.say("events.ack.noted", Language.CY, String.join("; ", cy))), "\n");
    }

    private List<String> noted(Rsvp r, Language l) {
        List<String> out = new ArrayList<>();
        if (r.accessNeeds() != null && !r.accessNeeds().isBlank()) {
            out.add(r.accessNeeds());
        }
        if (r.translation()) {
            out.add(texts.say("events.ack.translation", l));
        }
        if (r.dietary() != null && !r.dietary().isBlank()) {
            out.add(r.dietary());
        }
        return out;
    }
}
