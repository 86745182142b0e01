package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Erases what other features hold: first every {@link ErasureParticipant}, then a fallback for tables no bean
 * claims: in rows linked by contact_id, participant_id or email, columns whose names look identifying are
 * set to NULL (or '' when NOT NULL), and so is any other text column of those rows that contains one of the
 * person's identifiers (email, phone, name). Rows are kept, so counts stay right.
 */
@Singleton
class OtherTablesEraser {
    static final Set<String> CORE = Set.of("participant", "conversation_session", "inbox", "outbox", "contact",
            "contact_channel", "consent", "staff_account", "audit_log", "privacy_export_token", "privacy_scrub", "privacy_erasure");
    private static final List<String> IDENTIFYING = List.of("name", "email", "phone", "address", "organisation",
            "website", "raw", "telegram", "respondent", "postcode", "contact_details", "answer");

    private final Db db;
    private final Tables tables;
    private final List<ErasureParticipant> hooks;

    OtherTablesEraser(Db db, Tables tables, List<ErasureParticipant> hooks) {
        this.db = db;
        this.tables = tables;
        this.hooks = hooks;
    }

    /** Returns how many rows the fallback anonymised. */
    int erase(Person person, List<String> emails, List<String> identifiers) {
        Set<String> claimed = new HashSet<>();
        for (ErasureParticipant hook : hooks) {
            hook.erase(person.registered() ? person.contactId() : 0L, person.participantIds());
            claimed.addAll(hook.tables());
        }
        int rows = 0;
        for (String table : tables.names()) {
            if (!CORE.contains(table) && !claimed.contains(table)) {
                rows += fallback(table, person, emails, identifiers);
            }
        }
        return rows;
    }

    private int fallback(String table, Person person, List<String> emails, List<String> identifiers) {
        List<Tables.Column> columns = tables.columns(table);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Tables.Column c : columns) {
            String n = c.name().toLowerCase(Locale.ROOT);
            if (n.equals("contact_id") && person.registered()) {
                where.add(Tables.quote(c.name()) + " = ?");
                params.add(person.contactId());
            } else if (n.equals("participant_id") && !person.participantIds().isEmpty()) {
                where.add(Tables.quote(c.name()) + " IN (" + placeholders(person.participantIds().size()) + ")");
                params.addAll(person.participantIds());
            } else if (n.equals("email") && !emails.isEmpty()) {
                where.add("lower(" + Tables.quote(c.name()) + ") IN (" + placeholders(emails.size()) + ")");
                params.addAll(emails);
            }
        }
        List<String> sets = new ArrayList<>();
        List<Object> setParams = new ArrayList<>();
        for (Tables.Column c : columns) {
            if (!c.textual() || c.primaryKey()) {
                continue;
            }
            String col = Tables.quote(c.name());
            String blank = c.notNull() ? "''" : "NULL";
            if (identifying(c.name())) {
                sets.add(col + " = " + blank);
            } else if (!identifiers.isEmpty()) {
                String contains = identifiers.stream().map(i -> "instr(lower(" + col + "), ?) > 0")
                        .collect(Collectors.joining(" OR "));
                sets.add(col + " = CASE WHEN " + contains + " THEN " + blank + " ELSE " + col + " END");
                setParams.addAll(identifiers);
            }
        }
        if (where.isEmpty() || sets.isEmpty()) {
            return 0;
        }
        setParams.addAll(params);
        return db.update("UPDATE " + Tables.quote(table) + " SET " + String.join(", ", sets) + " WHERE "
                + String.join(" OR ", where), setParams.toArray());
    }

    private static boolean identifying(String column) {
        String n = column.toLowerCase(Locale.ROOT);
        return IDENTIFYING.stream().anyMatch(n::contains);
    }

    private static String placeholders(int n) {
        return java.util.Collections.nCopies(n, "?").stream().collect(Collectors.joining(", "));
    }
}
