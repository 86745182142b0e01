package org.engagebot.platform;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The audit trail about a registered person (what staff and the service did to their record), for their export. */
@Singleton
class AuditData implements DataExportParticipant {
    private final Db db;

    AuditData(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        if (!subject.registered()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = db.query("SELECT actor, action, detail, at FROM audit_log WHERE subject = ? "
                + "ORDER BY id", Rows::of, "contact:" + subject.contactId());
        return rows.isEmpty() ? Map.of() : Map.of("audit_log", rows);
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit_log");
    }
}
