package org.engagebot.channel;

import org.engagebot.conversation.ConversationEngine;
import org.engagebot.conversation.Input;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Reply;
import org.engagebot.conversation.Session;
import org.engagebot.conversation.SessionStore;
import org.engagebot.conversation.SessionTrack;
import org.engagebot.platform.Draft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * SQLite: chat steps drafted outside the writer lock. After each chat step commits, the sender's participant row and
 * session are kept in memory as the step left them (a bounded copy, most recently used). The sender's next step is
 * then worked out ({@link #draft}) on the caller's thread before it joins a group commit, with no statement (see
 * {@link Draft}: a step that would reach the database, a flow's action or a feature's command is not drafted). Under
 * the lock the step reads the participant and the session again, as it always did, and keeps the draft only when both
 * equal what it was drafted from ({@link Drafted#still}); then only the draft's writes are done there. Any other
 * writer of those rows (console edits, erasure, retention, imports, the idle-session job) therefore needs no hook: a
 * changed row fails the comparison and the step runs under the lock as before. The engine's time (about a quarter of
 * the lock's hold a message) so moves off the lock. Per-sender order is the pipeline's queue: a sender's next step is
 * drafted only once the previous one has committed and been remembered.
 */
final class StepDrafts {
    /** The rows a step starts from: the participant, and its session (empty: none). */
    record Known(Participant participant, Optional<Session> session) {
    }

    /** A step worked out from {@code from}: its replies, and its session writes to replay. */
    record Drafted(Known from, SessionTrack track, List<Reply> replies) {
        /** Under the lock: whether the rows read there are those the draft started from. */
        boolean still(Participant participant, Optional<Session> session) {
            return from.participant().equals(participant) && from.session().equals(session);
        }
    }

    /** For benchmarks and tests: steps drafted, kept under the lock, and not drafted (refused, or no copy). */
    static final LongAdder DRAFTED = new LongAdder();
    static final LongAdder KEPT = new LongAdder();
    static final LongAdder REFUSED = new LongAdder();

    private final ConversationEngine engine;
    private final boolean enabled;
    private final Map<String, Known> known;

    StepDrafts(ConversationEngine engine, boolean enabled, int capacity) {
        this.engine = engine;
        this.enabled = enabled;
        this.known = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The sender's step drafted from the copy in memory, or null (no copy, or not draftable: run it under the lock). */
    Drafted draft(String sender, Input input) {
        if (!enabled) {
            return null;
        }
        Known from;
        synchronized (known) {
            from = known.get(sender);
        }
        if (from == null) {
            return null;
        }
        SessionTrack track = SessionTrack.drafting(from.participant().id(), from.session());
        try {
            List<Reply> replies = Draft.run(() -> track.around(() -> engine.handle(from.participant(), input, true)));
            DRAFTED.increment();
            return new Drafted(from, track, replies);
        } catch (RuntimeException refusedOrFailed) {
            // a refusal, or a failure that the step under the lock will meet again and handle as always
            REFUSED.increment();
            return null;
        }
    }

    /** After the sender's step committed: the rows as it left them, when it followed them all; else forgotten. */
    void remember(String sender, Participant participant, SessionTrack track) {
        if (!enabled) {
            return;
        }
        Optional<Session> session = track == null ? null : track.session();
        synchronized (known) {
            if (session == null || track.participantChanged()) {
                known.remove(sender);
            } else {
                known.put(sender, new Known(participant, session));
            }
        }
    }

    void forget(String sender) {
        if (!enabled) {
            return;
        }
        synchronized (known) {
            known.remove(sender);
        }
    }

    /** Under the lock: the drafted step's session writes, through the store, after {@link Drafted#still} held. */
    static List<Reply> keep(Drafted drafted, SessionStore store) {
        drafted.track().replay(store);
        KEPT.increment();
        return drafted.replies();
    }
}
