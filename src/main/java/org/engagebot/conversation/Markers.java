package org.engagebot.conversation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small notes a session keeps between two messages under keys no step id can take (step ids start with a
 * letter): the answer just suggested ("Did you mean Gwynedd?", so a typed "yes" takes it) and a question about
 * leaving the flow ("Stop?", "Start Register instead?"). Only the very next input uses them.
 */
final class Markers {
    static final String SUGGESTED = "_suggested";
    static final String LEAVING = "_leaving";
    /** The menu entry a message to the office seemed to ask for ("register"): its button stays beside the summary. */
    static final String OFFER = "_offer";
    /** "step:value": an answer offered there was turned down ("no, not Gwynedd"), so it is not offered again. */
    static final String NOT_THAT = "_not_that";
    /** "Would you like to carry on?" was sent after a quiet spell: a typed yes carries on, a no stops. */
    static final String REMINDED = "_reminded";

    private Markers() {
    }

    static Optional<String> get(Session s, String key) {
        return Optional.ofNullable(s.answers().get(key));
    }

    static Session set(Session s, String key, String value, Instant now) {
        return s.answered(key, value, now);
    }

    /** The session with the marker, its times unchanged (so noting it does not count as the participant's activity). */
    static Session note(Session s, String key, String value) {
        Map<String, String> answers = new LinkedHashMap<>(s.answers());
        answers.put(key, value);
        return new Session(s.participantId(), s.flowId(), s.stepId(), s.mode(), answers, s.history(), s.startedAt(),
                s.updatedAt());
    }

    /** The session without the marker, its times unchanged. */
    static Session clear(Session s, String key) {
        if (!s.answers().containsKey(key)) {
            return s;
        }
        Map<String, String> answers = new LinkedHashMap<>(s.answers());
        answers.remove(key);
        return new Session(s.participantId(), s.flowId(), s.stepId(), s.mode(), answers, s.history(), s.startedAt(),
                s.updatedAt());
    }

    /** How many questions the participant has answered in this session (markers not counted). */
    static int answered(Session s) {
        return (int) s.answers().keySet().stream().filter(k -> !k.startsWith("_")).count();
    }

    static List<String> keys() {
        return List.of(SUGGESTED, LEAVING, NOT_THAT, OFFER, LanguageQuestion.ASKED);
    }
}
