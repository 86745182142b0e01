package org.engagebot.privacy;

import org.engagebot.conversation.Participants;
import org.engagebot.platform.DataExportParticipant;
import org.engagebot.platform.Db;
import org.engagebot.platform.ErasureParticipant;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.DatabaseScan;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure contract run against the features' own participants (visits, enquiries, consultations), on one
 * service with a real SQLite file. Each stores rows the way its feature does: linked by contact, participant and
 * address, with the person's name, email and phone in the free text.
 */
class ErasureParticipantsIT {
    private static final AtomicInteger N = new AtomicInteger();
    private static final long T = 1_790_000_000_000L;
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** A contact with a Telegram chat and an email participant; their identifiers are unique to this call. */
    private record Person(long contactId, long chat, long mailbox, String name, String email, String phone) {
        ErasureParticipantContract.Someone someone(String... more) {
            List<String> ids = new java.util.ArrayList<>(List.of(name, email, phone));
            ids.addAll(List.of(more));
            return new ErasureParticipantContract.Someone(contactId, List.of(chat, mailbox), ids);
        }
    }

    private static Person person() {
        int n = N.incrementAndGet();
        String name = "Gwenllian Prydderch" + n;
        String email = "gwen" + n + "@cymorth.example";
        String phone = "+4479111" + String.format("%05d", n);
        Db db = service.bean(Db.class);
        long contact = db.insert("INSERT INTO contact (organisation, name, email, phone, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", "Cylch Meithrin " + n, name, email, phone, T, T);
        Participants participants = service.bean(Participants.class);
        long chat = participants.identify("telegram", Long.toString(880_000 + n), null).id();
        long mailbox = participants.identify("email", email, null).id();
        return new Person(contact, chat, mailbox, name, email, phone);
    }

    private static ErasureParticipant owning(String table) {
        return service.context().getBeansOfType(ErasureParticipant.class).stream()
                .filter(p -> p.tables().contains(table)).findFirst().orElseThrow();
    }

    abstract static class Base implements ErasureParticipantContract {
        @Override
        public Db db() {
            return service.bean(Db.class);
        }

        @Override
        public Transactions tx() {
            return service.bean(Transactions.class);
        }
    }

    /** Tables with such columns that hold no person: the column names something else. */
    private static final Map<String, String> NOT_PERSONAL = Map.of(
            "event_setting", "name is a setting's key", "identity_setting", "name is a setting's key",
            "newsletter_setting", "name is a setting's key", "meeting", "name is the meeting's (a body's) name",
            "lease", "name is a lease's (a worker's or a job's) name; PostgreSQL only");

    /**
     * Build-time guard in place of the old run-time schema scan: a table that can hold a person (a contact_id,
     * participant_id, email, phone or name column) is erased by the participant of the feature that owns it.
     */
    @Test
    void everyTableThatCanHoldAPersonIsClaimedByAnErasureParticipant() {
        Db db = service.bean(Db.class);
        Set<String> claimed = new TreeSet<>(Eraser.OWN_TABLES);
        service.context().getBeansOfType(ErasureParticipant.class).forEach(p -> claimed.addAll(p.tables()));
        Set<String> unclaimed = new TreeSet<>();
        for (String table : DatabaseScan.tables(db)) {
            boolean personal = DatabaseScan.columns(db, table).stream()
                    .map(c -> c.toLowerCase(Locale.ROOT))
                    .anyMatch(c -> Set.of("contact_id", "participant_id", "email", "phone", "name").contains(c));
            if (personal && !claimed.contains(table) && !NOT_PERSONAL.containsKey(table)) {
                unclaimed.add(table);
            }
        }
        assertThat(unclaimed).as("tables holding a person that no ErasureParticipant erases").isEmpty();
        assertThat(NOT_PERSONAL.keySet()).as("listed as not personal but claimed").doesNotContainAnyElementsOf(claimed);
    }

    /**
     * The export's guard, likewise: every table that can hold a person is exported by its owner's
     * {@link DataExportParticipant} (or is privacy's own bookkeeping), so the my-data export needs no schema scan.
     */
    @Test
    void everyTableThatCanHoldAPersonIsExportedByItsOwner() {
        Db db = service.bean(Db.class);
        Set<String> claimed = new TreeSet<>(DataExport.OWN_TABLES);
        service.context().getBeansOfType(DataExportParticipant.class).forEach(p -> claimed.addAll(p.tables()));
        Set<String> unclaimed = new TreeSet<>();
        for (String table : DatabaseScan.tables(db)) {
            if (personal(db, table) && !claimed.contains(table) && !NOT_PERSONAL.containsKey(table)) {
                unclaimed.add(table);
            }
        }
        assertThat(unclaimed).as("tables holding a person that no DataExportParticipant exports").isEmpty();
    }

    private static boolean personal(Db db, String table) {
        return DatabaseScan.columns(db, table).stream().map(c -> c.toLowerCase(Locale.ROOT))
                .anyMatch(c -> Set.of("contact_id", "participant_id", "email", "phone", "name").contains(c));
    }

    @Nested
    class Visits extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("visit_application");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            int n = N.incrementAndGet();
            long visit = db().insert("INSERT INTO visit_application (reference, ref_year, ref_seq, participant_id, "
                            + "contact_id, channel, organisation, contact_name, email, phone, answers, answers_hash, "
                            + "publicity_allowed, status, place, submitted_at, updated_at) VALUES (?, 2027, ?, ?, ?, 'telegram', "
                            + "?, ?, ?, ?, ?, ?, 1, 'RECEIVED', ?, ?, ?)", "V-2027-" + n, n, p.chat(), p.contactId(),
                    "Cylch Meithrin Tŷ " + n, p.name(), p.email(), p.phone(),
                    "{\"purpose\":\"Ask " + p.name() + " at the door\"}", "h" + n, "Tŷ " + p.name(), T, T);
            db().insert("INSERT INTO visit_history (visit_id, actor, to_status, note, at) VALUES (?, 'staff', "
                    + "'RECEIVED', ?, ?)", visit, "Rang " + p.phone(), T);
            return p.someone("Cylch Meithrin Tŷ " + n);
        }
    }

    @Nested
    class Profiles extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("contact_person");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            db().insert("INSERT INTO contact_person (contact_id, name, role, email, phone, created_at) VALUES (?, ?, "
                    + "'Treasurer', ?, ?, ?)", p.contactId(), "Second " + p.name(), "second." + p.email(), p.phone(), T);
            db().insert("INSERT INTO contact_note (contact_id, author, body, created_at) VALUES (?, 'staff', ?, ?)",
                    p.contactId(), "Rang " + p.name() + " on " + p.phone(), T);
            db().insert("INSERT INTO contact_change (contact_id, actor, field, old_value, new_value, at) VALUES (?, "
                    + "'staff', 'email', ?, ?, ?)", p.contactId(), "old." + p.email(), p.email(), T);
            return p.someone();
        }
    }

    @Nested
    class Enquiries extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("enquiry");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            long enquiry = db().insert("INSERT INTO enquiry (participant_id, contact_id, channel, text, status, "
                    + "created_at, updated_at) VALUES (?, ?, 'telegram', ?, 'OPEN', ?, ?)", p.chat(), p.contactId(),
                    "This is " + p.name() + ", please ring " + p.phone(), T, T);
            db().insert("INSERT INTO enquiry_reply (enquiry_id, staff, text, sent_at) VALUES (?, 'staff', ?, ?)",
                    enquiry, "Dear " + p.name(), T);
            return p.someone();
        }
    }

    @Nested
    class Consultations extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("consultation_response");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            int n = N.incrementAndGet();
            long consultation = db().insert("INSERT INTO consultation (reference, title_en, title_cy, summary_en, "
                    + "summary_cy, questions, status, opens_at, closes_at, created_by, created_at) VALUES (?, 'Lights', "
                    + "'Goleuadau', 'Street lights', 'Goleuadau stryd', '[]', 'OPEN', ?, ?, 'staff', ?)",
                    "CON-2027-" + n, T, T + 86_400_000L, T);
            long invitee = db().insert("INSERT INTO consultation_invitee (consultation_id, contact_id, channel, address, "
                    + "reply_token, invited_at) VALUES (?, ?, 'email', ?, ?, ?)", consultation, p.contactId(), p.email(),
                    "tok" + n + "x" + p.email().hashCode(), T);
            db().insert("INSERT INTO consultation_response (consultation_id, respondent_key, invitee_id, contact_id, "
                            + "participant_id, channel, address, respondent_name, respondent_email, text, answers, version, "
                            + "received_at) VALUES (?, ?, ?, ?, ?, 'email', ?, ?, ?, ?, ?, 1, ?)", consultation,
                    "email:" + p.email(), invitee, p.contactId(), p.mailbox(), p.email(), p.name(), p.email(),
                    "More lights please. " + p.name() + ", " + p.phone(), "[\"" + p.email() + "\"]", T);
            return p.someone();
        }
    }

    @Nested
    class Messages extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("inbox");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            int n = N.incrementAndGet();
            db().insert("INSERT INTO inbox (channel, external_id, address, kind, body, status, received_at) VALUES "
                    + "('email', ?, ?, 'text', ?, 'PROCESSED', ?)", "m" + n + "@x", p.email(), "I am " + p.name(), T);
            db().insert("INSERT INTO outbox (channel, address, priority, payload, status, not_before, created_at) VALUES "
                    + "('email', ?, 0, ?, 'SENT', ?, ?)", p.email(), "{\"text\":\"Dear " + p.name() + "\"}", T, T);
            db().insert("INSERT INTO outbox (channel, address, priority, payload, status, not_before, batch_type, "
                    + "batch_id, created_at) VALUES ('email', ?, 1, ?, 'QUEUED', ?, 'newsletter', 1, ?)", p.email(),
                    "{\"text\":\"Hello " + p.name() + "\"}", T, T);
            return p.someone();
        }
    }

    @Nested
    class Contacts extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("contact");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            db().insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES "
                    + "(?, 'contact', 1, 'v1', 'telegram', ?)", p.contactId(), T);
            db().update("INSERT INTO contact_channel (contact_id, participant_id) VALUES (?, ?)", p.contactId(), p.chat());
            return p.someone();
        }
    }

    @Nested
    class ParticipantRows extends Base {
        @Override
        public ErasureParticipant participant() {
            return owning("participant");
        }

        @Override
        public Someone someoneWithRows() {
            Person p = person();
            db().update("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, "
                    + "started_at, updated_at) VALUES (?, 'register', 'phone', 'chat', ?, '[]', ?, ?)", p.mailbox(),
                    "{\"contact_name\":\"" + p.name() + "\"}", T, T);
            return p.someone();
        }
    }
}
