package org.engagebot.privacy;

import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.DatabaseScan;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure reaches the disk: after it, none of the person's details is in the database file, its -wal or its -shm,
 * where free pages, old page images and index entries would keep copies no query shows. A database of a few
 * thousand contacts, so tables and indexes span many pages; a person with more stored messages than one chunk.
 * And an erasure a crash cut short is finished at the next start.
 */
class ErasureOnDiskIT {
    private static final String EMAIL = "rhian.target@trust.example";
    private static final String[] DETAILS = {EMAIL, "Rhian Target", "Target Trust Conwy", "+441248987654", "01248 987654"};
    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(Map.of("engagebot.inbound.flood-per-minute", "100000"));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void staffErasureLeavesNoCopyOfThePersonInTheDatabaseFilesWalIncluded() {
        Contact contact = manyContactsAndOneTalkative("console-rhian", 300);
        assertThat(DatabaseScan.files(database(), DETAILS)).as("the scan sees what is there").isNotEmpty();

        HttpResponse<String> erased = service.send(HttpRequest.newBuilder(service.url("/api/contacts/" + contact.id()))
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD)).DELETE().build());

        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(DatabaseScan.find(service.bean(Db.class), DETAILS)).isEmpty();
        assertThat(DatabaseScan.files(database(), DETAILS)).isEmpty();
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM contact")).isEqualTo(2999);
    }

    @Test
    void forgetOverChatLeavesNoCopyOfThePersonInTheDatabaseFilesWalIncluded() {
        manyContactsAndOneTalkative("console-rhian", 300);
        Chat chat = new Chat(service, "console-rhian");
        chat.say("/forget", "Are you sure");

        chat.say("yes", "we have deleted everything we held about you");

        assertThat(DatabaseScan.find(service.bean(Db.class), DETAILS)).isEmpty();
        assertThat(DatabaseScan.files(database(), DETAILS)).isEmpty();
    }

    @Test
    void anErasureACrashCutShortIsFinishedAtTheNextStart() {
        Contact contact = manyContactsAndOneTalkative("console-rhian", 300);
        Person person = service.bean(PersonFinder.class).ofContact(contact.id()).orElseThrow();
        service.bean(Transactions.class).write(() -> service.bean(Erasures.class).record(person,
                new Erasures.Request("admin", "staff", null, null)));
        service.bean(Eraser.class).eraseMessages(person);
        assertThat(service.bean(ContactService.class).byEmail(EMAIL)).isPresent();

        service.restart();

        Db db = service.bean(Db.class);
        long deadline = System.currentTimeMillis() + 30_000;
        while (db.count("SELECT count(*) FROM privacy_erasure") > 0 && System.currentTimeMillis() < deadline) {
            sleep();
        }
        assertThat(db.count("SELECT count(*) FROM privacy_erasure")).isZero();
        assertThat(service.bean(ContactService.class).byEmail(EMAIL)).isEmpty();
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND subject = ?",
                "contact:" + contact.id())).isEqualTo(1);
        assertThat(DatabaseScan.find(db, DETAILS)).isEmpty();
        assertThat(DatabaseScan.files(database(), DETAILS)).isEmpty();
    }

    /** 3,000 imported contacts; one of them, in the middle, also registers in the chat and says many things. */
    private Contact manyContactsAndOneTalkative(String address, int messages) {
        StringBuilder csv = new StringBuilder("organisation,name,email,phone,area,subscribed\n");
        for (int i = 0; i < 3000; i++) {
            if (i == 1500) {
                csv.append("Target Trust Conwy,Rhian Target,").append(EMAIL).append(",01248 987654,conwy,yes\n");
            } else {
                csv.append("Org ").append(i).append(",Person ").append(i).append(",p").append(i)
                        .append("@orgs.example,,gwynedd,yes\n");
            }
        }
        HttpResponse<String> imported = service.post("/api/contacts/import", "text/csv", csv.toString());
        assertThat(imported.body()).contains("\"imported\":3000");
        Chat chat = new Chat(service, address);
        chat.say("/language", "Welsh or English");
        chat.say("English", "What would you like to do?");
        chat.say("/register", "");
        chat.say("Target Trust Conwy", "");
        chat.say("Rhian Target", "");
        chat.say("Conwy", "");
        chat.say(EMAIL, "");
        chat.say("01248 987654", "");
        chat.say("trust.example", "");
        chat.say("We help Rhian Target's neighbours.", "");
        chat.say("yes", "");
        chat.say("yes", "");
        chat.tap("c:confirm", "6-digit code");
        chat.say(AddressCodes.latestCode(service.bean(Db.class), EMAIL), "updated the details we hold");
        for (int i = 0; i < messages; i++) {
            chat.say("Note " + i + " from Rhian Target, " + EMAIL, "");
        }
        return service.bean(ContactService.class).byEmail(EMAIL).orElseThrow();
    }

    private Path database() {
        return service.dir().resolve("engagebot.db");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
