package org.engagebot.conversation;

import org.engagebot.platform.Draft;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows one participant's session through one inbound step on this thread, for the pipeline's in-memory copy of
 * it (so the next step can be drafted outside the writer lock). Two kinds:
 * <ul>
 * <li>{@linkplain #following following} a step that runs under the lock: the store reads and writes the database
 * as usual and notes the session as last read or written, which is also served to a second read in the step;</li>
 * <li>{@linkplain #drafting drafting} a step outside the lock from a known session: the store reads only that,
 * and its writes are only noted, in order, to be {@linkplain #replay replayed} under the lock once the rows the draft
 * started from are read again there and found unchanged.</li>
 * </ul>
 * Sessions are kept as the database returns them (times to the millisecond), so that a known session and one read
 * back compare equal.
 */
public final class SessionTrack {
    private static final ThreadLocal<SessionTrack> CURRENT = new ThreadLocal<>();

    private final long participantId;
    private final boolean drafting;
    /** The session now (empty: none); null while unknown (following, before the step reads or writes it). */
    private Optional<Session> now;
    /** Drafting: the writes, in order (a session saved, or null for a delete). */
    private final List<Session> writes = new ArrayList<>();
    /** The participant's row was changed by the step (its language), so the copy of it is stale. */
    private boolean participantChanged;

    private SessionTrack(long participantId, boolean drafting, Optional<Session> now) {
        this.participantId = participantId;
        this.drafting = drafting;
        this.now = now;
    }

    /** Follows a step that runs under the lock. */
    public static SessionTrack following(long participantId) {
        return new SessionTrack(participantId, false, null);
    }

    /** Drafts a step from a known session (empty: none). */
    public static SessionTrack drafting(long participantId, Optional<Session> known) {
        return new SessionTrack(participantId, true, known.map(SessionTrack::asStored));
    }

    /** Runs {@code work} with this track on the thread. */
    public <T> T around(java.util.function.Supplier<T> work) {
        SessionTrack before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The session as the step left it (empty: none); null when the step neither read nor wrote it. */
    public Optional<Session> session() {
        return now;
    }

    public boolean participantChanged() {
        return participantChanged;
    }

    /** Under the lock: the drafted writes, through {@code store}, in order. */
    public void replay(SessionStore store) {
        for (Session s : writes) {
            if (s == null) {
                store.delete(participantId);
            } else {
                store.save(s);
            }
        }
    }

    /** The track on this thread that follows {@code participantId}'s session, or null. A draft refuses any other. */
    static SessionTrack of(long participantId) {
        SessionTrack t = CURRENT.get();
        if (t == null) {
            return null;
        }
        if (t.participantId != participantId) {
            Draft.refuse("another participant's session");
            return null;
        }
        return t;
    }

    /** Any track on this thread (for writes not tied to one participant). */
    static SessionTrack current() {
        return CURRENT.get();
    }

    /** The known session (empty: none), or null: read it (and then {@link #read}). */
    Optional<Session> known() {
        return now;
    }

    void read(Optional<Session> session) {
        now = session;
    }

    /** True when the write is only noted (drafting); false: the store writes it too. */
    boolean saved(Session s) {
        now = Optional.of(asStored(s));
        if (drafting) {
            writes.add(s);
        }
        return drafting;
    }

    boolean deleted() {
        now = Optional.empty();
        if (drafting) {
            writes.add(null);
        }
        return drafting;
    }

    /** Writes the track cannot follow (many sessions at once): a draft refuses them; a following track forgets. */
    void lost() {
        Draft.refuse("sessions written in bulk");
        now = null;
        participantChanged = true;
    }

    static void participantChanged(long participantId) {
        SessionTrack t = CURRENT.get();
        if (t != null && t.participantId == participantId) {
            t.participantChanged = true;
        }
    }

    /** As the database gives it back: times to the millisecond, as they are stored. */
    static Session asStored(Session s) {
        return new Session(s.participantId(), s.flowId(), s.stepId(), s.mode(), s.answers(), s.history(),
                millis(s.startedAt()), millis(s.updatedAt()));
    }

    private static Instant millis(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS);
    }
}
