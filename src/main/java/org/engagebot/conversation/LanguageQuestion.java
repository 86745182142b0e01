package org.engagebot.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers that /language was just asked, so the next typed "Cymraeg" or "English" chooses the language instead of
 * answering the current step. Outside a flow the question is a language session ({@link ConversationEngine#LANGUAGE_FLOW});
 * inside one it is a marker in the flow session's answers under a key no step id can take (step ids start with a
 * letter). Only the very next input may use it: {@link #pending} then {@link #forget}.
 */
final class LanguageQuestion {
    static final String ASKED = "_language-asked";

    private LanguageQuestion() {
    }

    /** The session to save when the question is asked: the flow session marked, or a new language session. */
    static Session asked(long participantId, Session current, Instant now) {
        if (current == null || current.flowId().equals(ConversationEngine.LANGUAGE_FLOW)) {
            return new Session(participantId, ConversationEngine.LANGUAGE_FLOW, null, Session.Mode.ASKING,
                    Map.of("then", ""), List.of(), now, now);
        }
        return current.answered(ASKED, "yes", now);
    }

    /** Whether the question was asked of a participant who already had a language, just before this input. */
    static boolean pending(Session session) {
        return session.answers().containsKey(ASKED) || (session.flowId().equals(ConversationEngine.LANGUAGE_FLOW)
                && session.answers().getOrDefault("then", "").isEmpty());
    }

    /** The session as it was before the question: the flow session unmarked, or none. */
    static Optional<Session> forget(Session session) {
        if (session.flowId().equals(ConversationEngine.LANGUAGE_FLOW)) {
            return Optional.empty();
        }
        Map<String, String> answers = new LinkedHashMap<>(session.answers());
        answers.remove(ASKED);
        return Optional.of(new Session(session.participantId(), session.flowId(), session.stepId(), session.mode(),
                answers, session.history(), session.startedAt(), session.updatedAt()));
    }

    /** A language named in typed text ("Cymraeg", "English", "Welsh", "Saesneg", "cy", "en"). */
    static Optional<Language> named(Input in) {
        return in instanceof Input.Typed t ? LanguageAnswer.read(t.text()) : Optional.empty();
    }
}
