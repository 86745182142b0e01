package org.engagebot.conversation;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.Rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A person's participants (one per channel they used) and unfinished conversations, for their data export. */
@Singleton
class ConversationData implements DataExportParticipant {
    private final Db db;

    ConversationData(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        String ids = Rows.ids(subject.participantIds());
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Rows.put(out, "participant", db.query("SELECT id, channel, address, language, display_name, created_at, "
                + "last_seen_at FROM participant WHERE id IN (" + ids + ") ORDER BY id", Rows::of));
        Rows.put(out, "conversation_session", db.query("SELECT * FROM conversation_session WHERE participant_id IN ("
                + ids + ")", Rows::of));
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("participant", "conversation_session");
    }
}
