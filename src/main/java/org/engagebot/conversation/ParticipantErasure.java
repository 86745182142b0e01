package org.engagebot.conversation;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.Erased;
import org.engagebot.platform.ErasureParticipant;

import java.util.Set;

/**
 * Last: conversations are deleted, and participant rows are kept, so foreign keys and anonymous counts stay valid,
 * but their address becomes "erased:" + SHA-256(random salt, id): unique, not reversible and not linkable, so a later
 * message from the same chat starts afresh as a stranger.
 */
@Singleton
class ParticipantErasure implements ErasureParticipant {
    private final Db db;
    private final SessionStore sessions;

    ParticipantErasure(Db db, SessionStore sessions) {
        this.db = db;
        this.sessions = sessions;
    }

    @Override
    public int getOrder() {
        return PARTICIPANTS;
    }

    @Override
    public void erase(DataSubject subject) {
        for (long id : subject.participantIds()) {
            sessions.delete(id);
            db.update("UPDATE participant SET address = ?, display_name = NULL, language = NULL WHERE id = ?",
                    Erased.marker("participant", Long.toString(id)), id);
        }
    }

    @Override
    public Set<String> tables() {
        return Set.of("participant", "conversation_session");
    }
}
