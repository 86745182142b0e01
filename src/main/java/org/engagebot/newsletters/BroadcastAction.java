package org.engagebot.newsletters;

import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;

import java.util.List;

/**
 * Completes the broadcast flow: the message becomes a BROADCAST newsletter (same text in both languages)
 * scheduled for now, so the scheduler enqueues it after the inbound transaction commits.
 */
@Singleton
class BroadcastAction implements FlowAction {
    private final NewsletterService newsletters;
    private final Broadcasters broadcasters;
    private final Messages messages;

    BroadcastAction(NewsletterService newsletters, Broadcasters broadcasters, Messages messages) {
        this.newsletters = newsletters;
        this.broadcasters = broadcasters;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "newsletter-broadcast";
    }

    @Override
    public Outcome complete(Completion c) {
        if (!broadcasters.allows(c.participant())) {
            return Outcome.of(messages.get("newsletters.broadcast.refused"));
        }
        String choice = c.answer("audience");
        List<String> languages = "cy".equals(choice) || "en".equals(choice) ? List.of(choice) : List.of();
        String text = c.answer("message");
        String actor = "telegram:" + c.participant().address();
        long id = newsletters.create(Newsletter.Kind.BROADCAST, messages.get("newsletters.broadcast.title"),
                new Text(text, text), List.of(), new Audience(List.of(), languages, List.of(), List.of()), actor);
        newsletters.sendLater(id, actor);
        return Outcome.of(messages.get("newsletters.broadcast.queued", id));
    }
}
