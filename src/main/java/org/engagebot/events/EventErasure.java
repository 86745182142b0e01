package org.engagebot.events;

import java.util.Map;
import java.util.LinkedHashMap;
import org.engagebot.platform.Rows;
import org.engagebot.platform.DataSubject;
import org.engagebot.platform.DataExportParticipant;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Erasure of a person (UK GDPR Art. 17) from events: their RSVPs lose who they were and their needs (the row
 * stays, unlinked, so the counts stay right); their questions stay, counted and themed, with their words removed
 * (a question can say who asked); their
 * invitations lose the address and get an unusable token. Runs in the erasure's transaction.
 */
@Singleton
class EventErasure implements ErasureParticipant, DataExportParticipant {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String REDACTED = "(removed: the person who asked it asked to be forgotten / "
            + "dilëwyd: gofynnodd y sawl a ofynnodd i gael ei anghofio)";

    private final Db db;

    EventErasure(Db db) {
        this.db = db;
    }

    @Override
    public void erase(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        List<Long> participantIds = subject.participantIds();
        String where = "(contact_id = ?" + (participantIds.isEmpty() ? "" : " OR participant_id IN ("
                + String.join(", ", participantIds.stream().map(String::valueOf).toList()) + ")") + ")";
        for (String table : List.of("event_rsvp", "event_question")) {
            // a question's words can say who asked ("I run the food bank in ..."): only that it was asked, and its theme, stay
            String extra = table.equals("event_rsvp") ? ", access_needs = NULL, dietary = NULL" : ", text = '" + REDACTED + "'";
            db.query("SELECT id FROM " + table + " WHERE " + where, rs -> rs.getLong(1), contactId).forEach(id ->
                    db.update("UPDATE " + table + " SET person_key = ?, contact_id = NULL, participant_id = NULL, "
                            + "channel = NULL, address = NULL, name = NULL, email = NULL, telegram = NULL" + extra
                            + " WHERE id = ?", "erased:" + random(), id));
        }
        db.query("SELECT id FROM event_invitee WHERE contact_id = ?", rs -> rs.getLong(1), contactId).forEach(id -> {
            String marker = "erased:" + random();
            db.update("UPDATE event_invitee SET contact_id = NULL, address = ?, language = NULL, reply_token = ? "
                    + "WHERE id = ?", marker, marker, id);
        });
    }

    /** Their replies to invitations and questions (by contact, participant or email) and their invitations. */
    @Override
    public Map<String, List<Map<String, Object>>> export(DataSubject subject) {
        long contactId = subject.registered() ? subject.contactId() : 0L;
        String where = "contact_id = ? OR participant_id IN (" + Rows.ids(subject.participantIds()) + ")";
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : List.of("event_rsvp", "event_question")) {
            List<Map<String, Object>> rows = new java.util.ArrayList<>(db.query("SELECT * FROM " + table + " WHERE "
                    + where + " ORDER BY id", Rows::of, contactId));
            for (String email : subject.emails()) {
                rows.addAll(db.query("SELECT * FROM " + table + " WHERE lower(email) = ? ORDER BY id", Rows::of, email));
            }
            Rows.put(out, table, rows.stream().distinct().toList());
        }
        Rows.put(out, "event_invitee", db.query("SELECT * FROM event_invitee WHERE contact_id = ? ORDER BY id",
                Rows::of, contactId));
        return out;
    }

    @Override
    public Set<String> tables() {
        return Set.of("event_rsvp", "event_question", "event_invitee");
    }

    private static String random() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
