package org.engagebot.contacts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Chunks;
import org.engagebot.platform.Transactions;
import org.engagebot.platform.AuditLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Imports contacts from CSV (header row: any of the columns {@link ImportRows#COLUMN_LIST} names). Adds or
 * updates by email; {@link #plan} also lists the rows that look like an organisation already held. {@link #plan} says what would happen without writing; {@link #apply}
 * writes it in chunks and audits it. Subscribed yes records newsletter-email consent (version and channel
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
    private final ProfileStore profiles;
    private final Areas areas;
    private final Participants participants;
    private final Transactions tx;
    private final AuditLog audit;
    private final Clock clock;
    private final List<SubscriptionListener> listeners;

    ContactImport(ContactStore store, ProfileStore profiles, Areas areas, Participants participants, Transactions tx, AuditLog audit, Clock clock,
                  List<SubscriptionListener> listeners) {
        this.store = store;
        this.profiles = profiles;
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

    /**
     * What an import would do. {@code duplicates}: rows it would add although the same phone number or organisation
     * name (folded: case, accents and punctuation aside) is already held, or is on an earlier line of the file.
     */
    public record Plan(List<ImportRow> add, List<ImportRow> update, List<Rejection> rejected, List<Duplicate> duplicates) {
    }

    /** A row that looks like one already held: {@code existingId} is that contact (0 for an earlier line). */
    public record Duplicate(int line, String email, String reason, long existingId, String existing) {
    }

    @Serdeable
    public record Result(int imported, int updated, List<Rejection> rejected) {
    }

    public Plan plan(String csv) {
        List<ImportRow> add = new ArrayList<>();
        List<ImportRow> update = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        read(csv, rejected, row -> (store.byEmail(row.email()).isPresent() ? update : add).add(row));
        return new Plan(List.copyOf(add), List.copyOf(update), List.copyOf(rejected),
                new ImportDuplicates(profiles.identities()).among(add));
    }

    /**
     * Writes the file in chunks of {@link Chunks#SIZE} rows (fewer when they take longer than
     * {@link Chunks#MAX_HOLD_NANOS}), each its own write transaction, so an inbound message waits for one chunk at
     * most instead of the whole file. Whether a row adds or updates is decided in its chunk,
     * so the counts are right even if someone registers meanwhile. A crash part-way leaves whole chunks written:
     * importing the same file again adds the rest and updates the rows already in to the same values.
     */
    public Result apply(String csv, String actor) {
        List<Rejection> rejected = new ArrayList<>();
        Instant now = clock.instant();
        int[] counts = new int[2];
        List<ImportRow> chunk = new ArrayList<>(Chunks.SIZE);
        try {
            read(csv, rejected, row -> {
                chunk.add(row);
                if (chunk.size() == Chunks.SIZE) {
                    writeChunk(chunk, now, counts);
                }
            });
            writeChunk(chunk, now, counts);
        } catch (RuntimeException e) {
            audit.record(actor, "contact.import", "contacts", "stopped by " + e.getClass().getSimpleName() + " after "
                    + counts[0] + " added, " + counts[1] + " updated");
            throw e;
        }
        Result result = new Result(counts[0], counts[1], List.copyOf(rejected));
        audit.record(actor, "contact.import", "contacts", result.imported() + " added, " + result.updated() + " updated, "
                + result.rejected().size() + " rejected");
        return result;
    }

    /** Reads the file one record at a time: valid rows, first of each email, go to {@code rows}; the rest are rejected. */
    private void read(String csv, List<Rejection> rejected, Consumer<ImportRow> rows) {
        Iterator<CsvReader.Record> records = CsvReader.records(csv == null ? "" : csv);
        if (!records.hasNext()) {
            rejected.add(new Rejection(1, "the file is empty; the first row must name the columns"));
            return;
        }
        CsvReader.Record first = records.next();
        Object header = ImportRows.header(first.fields(), areas);
        if (header instanceof String reason) {
            rejected.add(new Rejection(first.line(), reason));
            return;
        }
        ImportRows columns = (ImportRows) header;
        Map<String, Integer> seen = new HashMap<>();
        while (records.hasNext()) {
            CsvReader.Record r = records.next();
            Object read = columns.read(r.line(), r.fields());
            if (read instanceof String reason) {
                rejected.add(new Rejection(r.line(), reason));
                continue;
            }
            ImportRow row = (ImportRow) read;
            Integer firstLine = seen.putIfAbsent(row.email(), row.line());
            if (firstLine != null) {
                rejected.add(new Rejection(row.line(), "email " + row.email() + " already on line " + firstLine));
            } else {
                rows.accept(row);
            }
        }
    }

    /** Writes the rows, at most {@link Chunks#MAX_HOLD_NANOS} a transaction, so a busy machine makes chunks smaller. */
    private void writeChunk(List<ImportRow> chunk, Instant now, int[] counts) {
        int from = 0;
        while (from < chunk.size()) {
            int start = from;
            int[] done = tx.write(() -> {
                int[] c = new int[3];
                long deadline = System.nanoTime() + Chunks.MAX_HOLD_NANOS;
                for (int i = start; i < chunk.size() && (i == start || System.nanoTime() < deadline); i++) {
                    ImportRow row = chunk.get(i);
                    Optional<Contact> existing = store.byEmail(row.email());
                    if (existing.isPresent()) {
                        store.updateImported(existing.get().id(), row, now);
                        write(existing.get().id(), row, now);
                        c[1]++;
                    } else {
                        write(store.insertImported(row, now), row, now);
                        c[0]++;
                    }
                    c[2]++;
                }
                return c;
            });
            counts[0] += done[0];
            counts[1] += done[1];
            from += done[2];
        }
        chunk.clear();
    }

    private void write(long contactId, ImportRow row, Instant now) {
        profiles.importExtra(contactId, row.extra(), now);
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
            List<SubscriptionListener.Address> addresses = listeners.isEmpty() ? List.of() : store.addresses(contactId);
            listeners.forEach(l -> l.unsubscribed(contactId, addresses));
        }
    }
}
