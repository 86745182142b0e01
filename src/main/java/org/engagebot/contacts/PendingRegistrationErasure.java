package org.engagebot.contacts;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.util.List;
import java.util.Set;

/** A registration waiting for its address to be proven holds the answers given so far: it goes with the person. */
@Singleton
class PendingRegistrationErasure implements ErasureParticipant, DataExportParticipant {
    private final Db db;

    PendingRegistrationErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(DataSubject subject) {
        for (long id : subject.participantIds()) {
            db.update("DELETE FROM pending_registration WHERE participant_id = ?", id);
        }
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        List<Map<String, Object>> rows = db.query("SELECT * FROM pending_registration WHERE participant_id IN ("
                + Rows.ids(subject.participantIds()) + ")", Rows::of);
        return rows.isEmpty() ? Map.of() : Map.of("pending_registration", rows);
    }

    @Override
    public Set<String> tables() {
        return Set.of("pending_registration");
    }
}
