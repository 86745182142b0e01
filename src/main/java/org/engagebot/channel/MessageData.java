package org.engagebot.channel;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.Rows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The messages a person sent us (inbox, with the raw original) and we sent them (outbox), for their data export. */
@Singleton
class MessageData implements DataExportParticipant {
    private final Db db;

    MessageData(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        List<Map<String, Object>> received = new ArrayList<>();
        List<Map<String, Object>> sent = new ArrayList<>();
        for (DataSubject.Address a : subject.addresses()) {
            received.addAll(db.query("SELECT id, channel, received_at, kind, body, raw, status FROM inbox "
                    + "WHERE channel = ? AND address = ? ORDER BY id", Rows::of, a.channel(), a.address()));
            sent.addAll(db.query("SELECT id, channel, created_at, sent_at, status, payload FROM outbox "
                    + "WHERE channel = ? AND address = ? ORDER BY id", Rows::of, a.channel(), a.address()));
        }
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Rows.put(out, "inbox", received);
        Rows.put(out, "outbox", sent);
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("inbox", "outbox");
    }
}
