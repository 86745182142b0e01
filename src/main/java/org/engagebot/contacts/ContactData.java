package org.engagebot.contacts;

import jakarta.inject.Singleton;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.Db;
import org.engagebot.platform.Rows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A registered person's contact record, its consent history and its linked channels, for their data export. */
@Singleton
class ContactData implements DataExportParticipant {
    private final Db db;

    ContactData(Db db) {
        this.db = db;
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        if (subject.registered()) {
            Rows.put(out, "contact", db.query("SELECT * FROM contact WHERE id = ?", Rows::of, subject.contactId()));
            Rows.put(out, "consent", db.query("SELECT purpose, granted, version, channel, recorded_at FROM consent "
                    + "WHERE contact_id = ? ORDER BY id", Rows::of, subject.contactId()));
            Rows.put(out, "contact_channel", db.query("SELECT * FROM contact_channel WHERE contact_id = ?", Rows::of,
                    subject.contactId()));
        }
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("contact", "consent", "contact_channel");
    }
}
