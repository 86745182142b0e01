package org.engagebot.contacts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Transactions;
import org.engagebot.staff.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports contacts from CSV (header row: any of organisation, name, email, phone, area, language, telegram,
 * subscribed). Adds or updates by email. {@link #plan} says what would happen without writing; {@link #apply}
 * writes it in one transaction and audits it. Subscribed yes records newsletter-email consent (version and channel
 * "import"), and newsletter-telegram consent when the row has a chat; no records their withdrawal. A telegram chat
 * id links that chat's participant to the contact. An imported address counts as confirmed ("imported"); an update
 * keeps a confirmation already recorded.
 */
@Singleton
public class ContactImport {
    public static final String CONSENT_VERSION = "import";
    public static final String CONSENT_CHANNEL = "import";
    /** How an imported address counts as confirmed: the office's lawful basis for its list, recorded at import. */
    public static final String CONFIRMED_BY = "imported";

    private final ContactStore store;
    private final Areas areas;
    private final Participants participants;
    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final List<SubscriptionListener> listeners;

    ContactImport(ContactStore store, Areas areas, Participants participants, Transactions tx, AuditLog audit, Clock clock,
                  List<SubscriptionListener> listeners) {
        this.store = store;
        this.areas = areas;
        this.participants = participants;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.listeners = listeners;
    }

    @Serdeable
    public record Rejection(int line, String reason) {
    }

    public record Plan(List<ImportRow> add, List<ImportRow> update, List<Rejection> rejected) {
    }

    @Serdeable
    public record Result(int imported, int updated, List<Rejection> rejected) {
    }

    public Plan plan(String csv) {
        List<CsvReader.Record> records = CsvReader.read(csv == null ? "" : csv);
        List<ImportRow> add = new ArrayList<>();
        List<ImportRow> update = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        if (records.isEmpty()) {
            rejected.add(new Rejection(1, "the file is empty; the first row must name the columns"));
            return new Plan(add, update, rejected);
        }
        Object header = ImportRows.header(records.get(0).fields(), areas);
        if (header instanceof String reason) {
            rejected.add(new Rejection(records.get(0).line(), reason));
            return new Plan(add, update, rejected);
        }
        ImportRows rows = (ImportRows) header;
        Map<String, Integer> seen = new HashMap<>();
        for (CsvReader.Record r : records.subList(1, records.size())) {
            Object read = rows.read(r.line(), r.fields());
            if (read instanceof String reason) {
                rejected.add(new Rejection(r.line(), reason));
                continue;
            }
            ImportRow row = (ImportRow) read;
            Integer first = seen.putIfAbsent(row.email(), row.line());
            if (first != null) {
                rejected.add(new Rejection(row.line(), "email " + row.email() + " already on line " + first));
            } else if (store.byEmail(row.email()).isPresent()) {
                update.add(row);
            } else {
                add.add(row);
            }
        }
        return new Plan(List.copyOf(add), List.copyOf(update), List.copyOf(rejected));
    }

    public Result apply(String csv, String actor) {
        Result result = tx.write(() -> {
            Plan plan = plan(csv);
            Instant now = clock.instant();
            int imported = 0;
            int updated = 0;
            for (ImportRow row : plan.add()) {
                write(store.insertImported(row, now), row, now);
                imported++;
            }
            for (ImportRow row : plan.update()) {
                long id = store.byEmail(row.email()).orElseThrow().id();
                store.updateImported(id, row, now);
                write(id, row, now);
                updated++;
            }
            return new Result(imported, updated, plan.rejected());
        });
        audit.record(actor, "contact.import", "contacts", result.imported() + " added, " + result.updated() + " updated, "
                + result.rejected().size() + " rejected");
        return result;
    }

    private void write(long contactId, ImportRow row, Instant now) {
        if (row.subscribed() != null) {
            store.recordConsent(contactId, ContactService.newsletterPurpose("email"), row.subscribed(), CONSENT_VERSION,
                    CONSENT_CHANNEL, now);
            if (row.telegram() != null) {
                // the office's list says this chat subscribed; without a record, a chat never gets the newsletter
                store.recordConsent(contactId, ContactService.newsletterPurpose("telegram"), row.subscribed(),
                        CONSENT_VERSION, CONSENT_CHANNEL, now);
            }
        }
        if (row.telegram() != null) {
            Participant p = participants.identify("telegram", row.telegram(), null);
            store.link(contactId, p.id());
        }
        if (Boolean.FALSE.equals(row.subscribed())) {
            listeners.forEach(l -> l.unsubscribed(contactId));
        }
    }
}
