package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An organisation's page lists its consultation responses and event answers under their Welsh titles in Welsh. */
class ContactRecordsLanguageIT {
    private static TestService service;
    private static long contactId;

    @BeforeAll
    static void start() {
        service = TestService.start();
        Db db = service.bean(Db.class);
        Instant now = Instant.parse("2026-10-01T09:00:00Z");
        contactId = service.bean(Transactions.class).write(() -> {
            long c = db.insert("INSERT INTO contact (organisation, name, email, area, language, subscribed, source, "
                    + "created_at, updated_at) VALUES ('Tŷ Croeso', 'Siân Owen', 'sian@tycroeso.example', 'gwynedd', 'cy', "
                    + "0, 'chat', ?, ?)", now, now);
            long consultation = db.insert("INSERT INTO consultation (reference, title_en, title_cy, summary_en, summary_cy, "
                    + "questions, status, opens_at, closes_at, created_by, created_at) VALUES ('CON-2026-0007', "
                    + "'Street lighting', 'Goleuadau stryd', 's', 's', '[]', 'open', ?, ?, 'admin', ?)",
                    now, now.plusSeconds(86_400 * 91), now);
            db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, contact_id, channel, address, "
                    + "answers, version, received_at) VALUES (?, 'contact:1', ?, 'email', 'sian@tycroeso.example', '{}', 1, ?)",
                    consultation, c, now);
            long event = db.insert("INSERT INTO event (reference, title_en, title_cy, description_en, description_cy, "
                    + "starts_at, ends_at, questions_close_at, created_by, created_at) VALUES ('EVT-2026-0003', "
                    + "'Community forum', 'Fforwm cymunedol', 'd', 'd', ?, ?, ?, 'admin', ?)",
                    now.plusSeconds(86_400), now.plusSeconds(90_000), now, now);
            db.insert("INSERT INTO event_rsvp (event_id, person_key, contact_id, via, answer, answered_at, created_at) "
                    + "VALUES (?, 'contact:1', ?, 'telegram', 'yes', ?, ?)", event, c, now, now);
            return c;
        });
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void recordTitlesAndHeadingsFollowTheStaffMembersLanguage() {
        ConsoleForms browser = new ConsoleForms(service);
        assertThat(browser.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
        String english = browser.get("/console/contacts/" + contactId).body();
        assertThat(english).contains("CON-2026-0007 Street lighting", "EVT-2026-0003 Community forum",
                "Consultation responses").doesNotContain("Goleuadau stryd");

        String csrf = ConsoleForms.csrf(english);
        assertThat(browser.post("/console/language", Map.of("csrf", csrf, "lang", "cy",
                "back", "/console/contacts/" + contactId)).statusCode()).isEqualTo(303);
        String welsh = browser.get("/console/contacts/" + contactId).body();
        assertThat(welsh).contains("CON-2026-0007 Goleuadau stryd", "EVT-2026-0003 Fforwm cymunedol",
                "Ymatebion i ymgynghoriadau").doesNotContain("Street lighting", "Community forum");
    }
}
