package org.engagebot.events;

import org.engagebot.contacts.Reachability;

import jakarta.inject.Singleton;
import org.engagebot.channel.Attachment;
import org.engagebot.channel.OutboundMessage;
import org.engagebot.channel.Outbox;
import org.engagebot.channel.OutboxAttachments;
import org.engagebot.conversation.Choice;
import org.engagebot.conversation.Language;
import org.engagebot.conversation.Text;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invites an event's audience, each in their language: by email with invite.ics, the web links and a personal
 * reply token ("e-" + random) so a reply is read as their RSVP or question; by Telegram with RSVP and
 * Ask-a-question buttons. One invitee row per channel address; queued as BULK rows of batch "event-invite".
 */
@Singleton
class Invitations {
    static final String BATCH = "event-invite";
    static final String PREFIX = "e";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Reachability audience;
    private final RsvpStore rsvps;
    private final Outbox outbox;
    private final OutboxAttachments files;
    private final EventTexts texts;

    Invitations(Reachability audience, RsvpStore rsvps, Outbox outbox, OutboxAttachments files, EventTexts texts) {
        this.audience = audience;
        this.rsvps = rsvps;
        this.outbox = outbox;
        this.files = files;
        this.texts = texts;
    }

    static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return PREFIX + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Queues the invitations; answers how many per channel. Runs inside the inviting transaction. */
    Map<String, Integer> send(Event e, Instant now) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Reachability.Reachable t : audience.all(Reachability.Purpose.ENGAGEMENT, e.audience().filter())) {
            String token = newToken();
            if (rsvps.invite(e.id(), t.contactId(), t.channel(), t.address(), t.language(), token, now).isEmpty()) {
                continue;
            }
            OutboundMessage m = t.channel().equals("email") ? email(e, t.language(), token) : telegram(e, t.language());
            outbox.enqueue(t.channel(), t.address(), m, Outbox.BULK, BATCH, e.id());
            counts.merge(t.channel(), 1, Integer::sum);
        }
        return counts;
    }

    OutboundMessage email(Event e, Language l, String token) {
        String subject = texts.text("events.invite.subject", x -> new Object[]{e.title().in(x),
                EventTexts.day(e.startsAt(), x)}).label(l);
        String text = body(e, true).in(l);
        return new OutboundMessage(subject, text, EmailHtml.of(subject, text, l), null, List.of(), Map.of(), token, null,
                List.of(calendar(e, l)));
    }

    OutboundMessage telegram(Event e, Language l) {
        return new OutboundMessage(null, body(e, false).in(l), null, null, buttons(e, l), Map.of(), null, null);
    }

    List<Choice> buttons(Event e, Language l) {
        return List.of(new Choice(EventCommands.rsvpCommand(e), texts.get("events.button.rsvp-short").label(l)),
                new Choice(EventCommands.askCommand(e), texts.get("events.button.ask-short").label(l)));
    }

    /** The event's invite.ics in a language (stored once per event and language). */
    Attachment calendar(Event e, Language l) {
        String description = e.description().in(l) + "\n\n" + texts.pageUrl(e, l);
        String location = e.place() != null ? e.place() : e.online();
        byte[] ics = Ics.bytes(List.of(new Ics.Entry(e.reference().toLowerCase() + "@engagebot", e.startsAt(), e.endsAt(),
                e.title().label(l), description, location, e.online() != null ? e.online() : texts.pageUrl(e, l), 0,
                e.createdAt())));
        return files.store("invite.ics", Ics.CONTENT_TYPE, ics);
    }

    /** What the event is, when and where, and how to answer on this channel. */
    Text body(Event e, boolean byEmail) {
        return EventTexts.both(l -> {
            List<String> parts = new ArrayList<>();
            parts.add(texts.say("events.invite.intro", l, e.title().in(l)));
            parts.add(e.description().in(l));
            List<String> facts = new ArrayList<>();
            facts.add(texts.say("events.invite.when", l, EventTexts.time(e.startsAt(), l), EventTexts.time(e.endsAt(), l)));
            if (e.place() != null) {
                facts.add(texts.say("events.invite.where", l, e.place()));
            }
            if (e.access() != null) {
                facts.add(texts.say("events.invite.access", l, e.access().in(l)));
            }
            if (e.online() != null) {
                facts.add(texts.say("events.invite.online", l, e.online()));
            }
            parts.add(String.join("\n", facts));
            parts.add(texts.say("events.invite.translation", l));
            parts.add(texts.say("events.invite.questions", l, EventTexts.time(e.questionsCloseAt(), l)));
            if (byEmail) {
                parts.add(texts.say("events.invite.how-email", l));
                parts.add(texts.say("events.invite.web", l, texts.formUrl(e.rsvpFlowId(), l)) + "\n"
                        + texts.say("events.invite.ask-web", l, texts.formUrl(e.questionFlowId(), l)));
                parts.add(texts.say("events.invite.calendar", l));
            } else {
                parts.add(texts.say("events.invite.how-telegram", l));
            }
            parts.add(texts.say("events.invite.page", l, texts.pageUrl(e, l)));
            return String.join("\n\n", parts);
        });
    }
}
