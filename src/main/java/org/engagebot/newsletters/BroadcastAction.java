package org.engagebot.newsletters;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.engagebot.conversation.FlowAction;
import org.engagebot.conversation.Messages;
import org.engagebot.conversation.Text;
import org.engagebot.platform.OneLanguagePublishing;

import java.util.List;

/**
 * Completes the broadcast flow: the message becomes a BROADCAST newsletter scheduled for now, so the scheduler
 * enqueues it after the inbound transaction commits. Like every newsletter it is in Welsh and English, or in one
 * language with the reason staff gave (recorded by {@code OneLanguagePublishing}, shown in the Compact review).
 */
@Singleton
@Named(BroadcastAction.NAME)
class BroadcastAction implements FlowAction {
    static final String NAME = "newsletter-broadcast";

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
        return NAME;
    }

    @Override
    public Outcome complete(Completion c) {
        if (!broadcasters.allows(c.participant())) {
            return Outcome.of(messages.get("newsletters.broadcast.refused"));
        }
        String choice = c.answer("audience");
        List<String> languages = "cy".equals(choice) || "en".equals(choice) ? List.of(choice) : List.of();
        String only = c.answer("languages");
        String en = c.answer("message_en");
        String cy = c.answer("message_cy");
        Text text = "en".equals(only) ? new Text(en, en) : "cy".equals(only) ? new Text(cy, cy) : new Text(en, cy);
        String actor = "telegram:" + c.participant().address();
        long id = newsletters.create(Newsletter.Kind.BROADCAST, messages.get("newsletters.broadcast.title"),
                text, List.of(), new Audience(List.of(), languages, List.of(), List.of()), actor);
        if ("en".equals(only) || "cy".equals(only)) {
            newsletters.declareOneLanguage(id, new OneLanguagePublishing.Fields(only, c.answer("because")), actor);
        }
        newsletters.sendLater(id, actor);
        return Outcome.of(messages.get("newsletters.broadcast.queued", id));
    }
}
