package org.engagebot.events;

import jakarta.inject.Singleton;
import org.engagebot.conversation.Text;

import java.time.Instant;
import java.util.Optional;

/**
 * Questions in advance, the same from every channel: stored with who asked; one that arrives after the cut-off
 * is kept, flagged late, and the asker is told kindly that it cannot go on the list. Call inside a write
 * transaction.
 */
@Singleton
class Questions {
    static final int MAX = 2000;

    private final QuestionStore store;
    private final EventTexts texts;

    Questions(QuestionStore store, EventTexts texts) {
        this.store = store;
        this.texts = texts;
    }

    /** Stores the question and answers what to tell the asker; empty for a repeat of the same inbound message. */
    Optional<Text> ask(Event e, Person person, String text, Long inboxId, Instant now) {
        String q = text.strip();
        if (q.length() > MAX) {
            q = q.substring(0, MAX);
        }
        if (inboxId != null && store.seenInbox(inboxId)) {
            return Optional.empty();
        }
        boolean late = !e.takesQuestionsAt(now);
        long id = store.insert(e.id(), person, q, late, inboxId, now);
        return Optional.of(late ? closed(e) : texts.text("events.question.ack", l -> new Object[]{id, e.title().in(l)}));
    }

    Text closed(Event e) {
        return texts.text("events.question.late", l -> new Object[]{e.title().in(l), EventTexts.time(e.questionsCloseAt(), l)});
    }
}
