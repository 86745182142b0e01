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

/** A profile's other contact people, staff notes and history of changes go with the contact when it is erased. */
@Singleton
class ProfileErasure implements ErasureParticipant, DataExportParticipant {
    private final Db db;

    ProfileErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(DataSubject subject) {
        if (!subject.registered()) {
            return;
        }
        for (String table : List.of("contact_person", "contact_note", "contact_change")) {
            db.update("DELETE FROM " + table + " WHERE contact_id = ?", subject.contactId());
        }
    }

    /** The organisation's other people (and the person where another organisation lists them), notes and history. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        List<Map<String, Object>> people = new java.util.ArrayList<>();
        if (subject.registered()) {
            people.addAll(db.query("SELECT * FROM contact_person WHERE contact_id = ? ORDER BY id", Rows::of,
                    subject.contactId()));
        }
        for (String email : subject.emails()) {
            people.addAll(db.query("SELECT * FROM contact_person WHERE lower(email) = ? ORDER BY id", Rows::of, email));
        }
        Rows.put(out, "contact_person", people.stream().distinct().toList());
        if (subject.registered()) {
            Rows.put(out, "contact_note", db.query("SELECT * FROM contact_note WHERE contact_id = ? ORDER BY id",
                    Rows::of, subject.contactId()));
            Rows.put(out, "contact_change", db.query("SELECT * FROM contact_change WHERE contact_id = ? ORDER BY id",
                    Rows::of, subject.contactId()));
        }
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("contact_person", "contact_note", "contact_change");
    }
}
