package org.engagebot.privacy;

import org.engagebot.testing.DatabaseScan;

import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription commands, forgetting a stranger, staff export and erase, and retention, on one service. */
class PrivacyConsoleIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aStrangerAskingToBeForgottenIsToldKindlyAndTheirChatIsCleared() {
        Chat chat = new Chat(service, "console-stranger");
        chat.say("/language", "Welsh or English");
        chat.say("English", "What would you like to do?");
        chat.say("/forget", "Are you sure");
        chat.say("no", "Nothing has been deleted");
        chat.say("I am Sam Stranger", "");
        chat.say("/forget", "Are you sure");
        chat.say("yes", "You were not registered with us");
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM participant WHERE address = 'console-stranger'")).isZero();
        assertThat(DatabaseScan.find(db, "Sam Stranger")).isEmpty();
        chat.say("/start", "Welsh or English");
    }

    @Test
    void unsubscribingWithdrawsNewsletterConsentOnThatChannelAndSubscribingGivesItBack() {
        Chat chat = new Chat(service, "console-sub");
        chat.say("/language", "Welsh or English");
        chat.say("Cymraeg", "Beth hoffech chi");
        chat.say("/subscribe", "/cofrestru");
        Contact contact = register(chat, "Sion Subscriber", "sub@example.org", "no");
        ConsentService consents = service.bean(ConsentService.class);
        assertThat(consents.mayReceiveNewsletter(contact.id(), "email")).isFalse();
        chat.say("/subscribe", "byddwch yn derbyn");
        assertThat(consents.mayReceiveNewsletter(contact.id(), "email")).isTrue();
        assertThat(consents.mayReceiveNewsletter(contact.id(), "telegram")).isFalse();
        chat.say("/subscribe", "eisoes");
        chat.say("/unsubscribe", "ni fyddwn yn anfon");
        assertThat(consents.mayReceiveNewsletter(contact.id(), "email")).isFalse();
        assertThat(service.bean(ContactService.class).byId(contact.id()).orElseThrow().subscribed()).isFalse();
        assertThat(consents.current(contact.id())).containsKeys("contact", "newsletter-email");
        assertThat(consents.history(contact.id())).extracting(Consent::granted).containsExactly(true, false, true, false);
    }

    @Test
    void staffExportAndEraseAreAuditedAndRemoveTheContact() {
        Chat chat = new Chat(service, "console-staff");
        chat.say("/language", "Welsh or English");
        chat.say("English", "What would you like to do?");
        Contact contact = register(chat, "Robin Roberts", "staffcase@example.org", "yes");
        service.bean(Db.class).insert("INSERT INTO visit_application (reference, ref_year, ref_seq, contact_id, channel, "
                + "organisation, contact_name, email, answers, answers_hash, publicity_allowed, status, place, submitted_at, "
                + "updated_at) VALUES ('VIS-2026-0099', 2026, 99, ?, 'console', 'Test Org', 'Robin Roberts', "
                + "'staffcase@example.org', '{\"note\":\"ask for Robin Roberts\"}', 'h', 1, 'NEW', "
                + "'Hall, ring Robin Roberts', 0, 0)", contact.id());
        HttpResponse<String> export = service.get("/api/contacts/" + contact.id() + "/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("staffcase@example.org", "Robin Roberts", "newsletter-email", "VIS-2026-0099");
        HttpResponse<String> erased = service.send(HttpRequest.newBuilder(service.url("/api/contacts/" + contact.id()))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD)).DELETE().build());
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(service.get("/api/contacts/" + contact.id() + "/export").statusCode()).isEqualTo(404);
        Db db = service.bean(Db.class);
        assertThat(DatabaseScan.find(db, "staffcase@example.org", "Robin Roberts")).isEmpty();
        assertThat(DatabaseScan.files(service.dir().resolve("engagebot.db"), "staffcase@example.org", "Robin Roberts"))
                .isEmpty();
        assertThat(db.count("SELECT count(*) FROM visit_application WHERE reference = 'VIS-2026-0099'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE actor = 'admin' AND action IN ('privacy.export', "
                + "'privacy.erase') AND subject = ?", "contact:" + contact.id())).isEqualTo(2);
    }

    @Test
    void retentionRemovesWhatIsDueAndNothingElse() {
        Db db = service.bean(Db.class);
        Instant now = service.bean(Clock.class).instant();
        Instant old = now.minus(Duration.ofDays(400));
        Instant recent = now.minus(Duration.ofDays(2));
        long oldIn = db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, received_at) "
                + "VALUES ('console', 'ret-old', 'ret', 'text', 'old body', ?, 'PROCESSED', ?)", "raw".getBytes(), old);
        long newIn = db.insert("INSERT INTO inbox (channel, external_id, address, kind, body, raw, status, received_at) "
                + "VALUES ('console', 'ret-new', 'ret', 'text', 'new body', ?, 'PROCESSED', ?)", "raw".getBytes(), recent);
        long oldOut = outbox(db, null, "SENT", old);
        long newOut = outbox(db, null, "SENT", recent);
        long oldBatch = outbox(db, "newsletter", "SENT", old);
        long queued = outbox(db, null, "QUEUED", old);
        long participant = db.insert("INSERT INTO participant (channel, address, created_at, last_seen_at) "
                + "VALUES ('console', 'ret-session', ?, ?)", old, old);
        db.update("INSERT INTO conversation_session (participant_id, flow_id, step_id, mode, answers, history, started_at, "
                + "updated_at) VALUES (?, 'register', 'email', 'ASKING', '{}', '[]', ?, ?)", participant, old, old);
        long bounced = contact(db, "bounced@example.org", old);
        long fresh = contact(db, "onhold-recently@example.org", recent);

        Map<String, Integer> counts = service.bean(RetentionJob.class).runOnce();

        assertThat(counts).containsEntry("expired-sessions", 1).containsEntry("bounced-addresses", 1);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE id = ? AND raw IS NULL AND body IS NULL", oldIn)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE id = ? AND raw IS NOT NULL AND body = 'new body'", newIn)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE id = ?", oldOut)).isZero();
        assertThat(db.count("SELECT count(*) FROM outbox WHERE id IN (?, ?)", newOut, queued)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE id = ? AND address = 'expired' AND status = 'SENT'", oldBatch))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM conversation_session WHERE participant_id = ?", participant)).isZero();
        assertThat(db.count("SELECT count(*) FROM contact WHERE id = ? AND email IS NULL", bounced)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM contact WHERE id = ? AND email IS NOT NULL", fresh)).isEqualTo(1);
    }

    private static long outbox(Db db, String batchType, String status, Instant at) {
        return db.insert("INSERT INTO outbox (channel, address, priority, payload, status, not_before, batch_type, batch_id, "
                + "created_at, sent_at) VALUES ('retention-test', 'x', 1, '{\"text\":\"hi\"}', ?, ?, ?, ?, ?, ?)",
                status, at, batchType, batchType == null ? null : 1L, at, "SENT".equals(status) ? at : null);
    }

    private static long contact(Db db, String email, Instant updated) {
        return db.insert("INSERT INTO contact (email, email_on_hold, created_at, updated_at) VALUES (?, 1, ?, ?)",
                email, updated, updated);
    }

    private static Contact register(Chat chat, String name, String email, String newsletter) {
        chat.say("/register", "");
        chat.say("Test Org " + email, "");
        chat.say(name, "");
        chat.say("Gwynedd", "");
        chat.say(email, "");
        chat.say("01248 123456", "");
        chat.say("example.org", "");
        chat.say("Testing.", "");
        chat.say("yes", "");
        chat.say(newsletter, "");
        chat.tap("c:confirm", "");
        chat.say(AddressCodes.latestCode(service.bean(Db.class), email), "");
        return service.bean(ContactService.class).byEmail(email).orElseThrow();
    }
}
