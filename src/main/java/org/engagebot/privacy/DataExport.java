package org.engagebot.privacy;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything held about one person (UK GDPR Art. 15), as a JSON-ready tree: contact, linked channels, consent
 * history, sessions, messages both ways, their audit trail, and rows of any other feature's table linked by
 * contact_id, participant_id or email (found from the live schema, so features landing later are covered).
 */
@Singleton
class DataExport {
    private final Tables tables;
    private final ConsentService consents;
    private final Clock clock;

    DataExport(Tables tables, ConsentService consents, Clock clock) {
        this.tables = tables;
        this.consents = consents;
        this.clock = clock;
    }

    Map<String, Object> of(Person person) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generatedAt", clock.instant().toString());
        String ids = person.participantIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        out.put("contact", person.registered()
                ? tables.rows("SELECT * FROM contact WHERE id = ?", person.contactId()).stream().findFirst().orElse(null)
                : null);
        out.put("channels", tables.rows("SELECT id, channel, address, language, display_name, created_at, last_seen_at "
                + "FROM participant WHERE id IN (" + ids + ") ORDER BY id"));
        out.put("consent", person.registered() ? consents.history(person.contactId()).stream().map(DataExport::consent).toList()
                : List.of());
        out.put("conversations", tables.rows("SELECT * FROM conversation_session WHERE participant_id IN (" + ids + ")"));
        List<Map<String, Object>> received = new ArrayList<>();
        List<Map<String, Object>> sent = new ArrayList<>();
        for (Person.Address a : person.addresses()) {
            received.addAll(tables.rows("SELECT id, channel, received_at, kind, body, raw, status FROM inbox "
                    + "WHERE channel = ? AND address = ? ORDER BY id", a.channel(), a.address()));
            sent.addAll(tables.rows("SELECT id, channel, created_at, sent_at, status, payload FROM outbox "
                    + "WHERE channel = ? AND address = ? ORDER BY id", a.channel(), a.address()));
        }
        out.put("messagesReceived", received);
        out.put("messagesSent", sent);
        out.put("auditTrail", person.registered()
                ? tables.rows("SELECT actor, action, detail, at FROM audit_log WHERE subject = ? ORDER BY id",
                "contact:" + person.contactId()) : List.of());
        out.put("other", otherTables(person));
        return out;
    }

    private static Map<String, Object> consent(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purpose", c.purpose());
        m.put("granted", c.granted());
        m.put("version", c.version());
        m.put("channel", c.channel());
        m.put("recordedAt", c.recordedAt().toString());
        return m;
    }

    /** Tables exported above or holding nothing of the person's (issue #14 part 5: export through each owner). */
    private static final java.util.Set<String> EXPORTED_APART = java.util.Set.of("participant", "conversation_session",
            "inbox", "outbox", "contact", "contact_channel", "consent", "staff_account", "audit_log",
            "privacy_export_token", "privacy_scrub", "privacy_erasure");

    private Map<String, Object> otherTables(Person person) {
        List<String> emails = person.addresses().stream().filter(a -> a.channel().equals("email"))
                .map(a -> a.address().toLowerCase()).distinct().toList();
        Map<String, Object> other = new LinkedHashMap<>();
        for (String table : tables.names()) {
            if (EXPORTED_APART.contains(table)) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Tables.Column c : tables.columns(table)) {
                String q = "SELECT * FROM " + Tables.quote(table) + " WHERE " + Tables.quote(c.name());
                String n = c.name().toLowerCase();
                if (n.equals("contact_id") && person.registered()) {
                    rows.addAll(tables.rows(q + " = ?", person.contactId()));
                } else if (n.equals("participant_id")) {
                    for (long id : person.participantIds()) {
                        rows.addAll(tables.rows(q + " = ?", id));
                    }
                } else if (n.equals("email")) {
                    for (String email : emails) {
                        rows.addAll(tables.rows("SELECT * FROM " + Tables.quote(table) + " WHERE lower("
                                + Tables.quote(c.name()) + ") = ?", email));
                    }
                }
            }
            if (!rows.isEmpty()) {
                other.put(table, rows.stream().distinct().toList());
            }
        }
        return other;
    }
}
