package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly engagement report counts what each owner reports (inbox by channel and month, new contacts by area,
 * consultation responses by channel), in the office's time zone, and nothing outside the year.
 */
class EngagementReportIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
        Db db = service.bean(Db.class);
        inbound(db, "telegram", "2026-01-15T10:00:00Z");
        inbound(db, "telegram", "2026-01-31T23:30:00Z");
        inbound(db, "email", "2026-07-01T09:00:00Z");
        inbound(db, "email", "2025-12-31T23:59:00Z");
        inbound(db, "email", "2026-06-30T23:30:00Z");
        contact(db, "wrexham", "2026-03-01T09:00:00Z");
        contact(db, "wrexham", "2026-04-01T09:00:00Z");
        contact(db, "flintshire,wrexham", "2026-04-02T09:00:00Z");
        contact(db, null, "2026-05-01T09:00:00Z");
        contact(db, "gwynedd", "2025-05-01T09:00:00Z");
        long consultation = db.insert("INSERT INTO consultation (reference, title_en, title_cy, summary_en, summary_cy, "
                + "questions, status, opens_at, closes_at, created_by, created_at) VALUES ('CON-2026-01', 'Lights', "
                + "'Goleuadau', 'S', 'S', '[]', 'OPEN', 0, 0, 'staff', 0)");
        response(db, consultation, "email", "2026-02-01T09:00:00Z");
        response(db, consultation, "email", "2026-02-02T09:00:00Z");
        response(db, consultation, "telegram", "2026-02-03T09:00:00Z");
        response(db, consultation, "web", "2027-01-01T09:00:00Z");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static void inbound(Db db, String channel, String at) {
        db.insert("INSERT INTO inbox (channel, external_id, address, kind, status, received_at) VALUES (?, ?, 'a', "
                + "'text', 'PROCESSED', ?)", channel, channel + at, Instant.parse(at));
    }

    private static void contact(Db db, String area, String at) {
        db.insert("INSERT INTO contact (area, created_at, updated_at) VALUES (?, ?, ?)", area, Instant.parse(at),
                Instant.parse(at));
    }

    private static void response(Db db, long consultation, String channel, String at) {
        db.insert("INSERT INTO consultation_response (consultation_id, respondent_key, channel, address, answers, "
                + "version, received_at) VALUES (?, ?, ?, 'a', '[]', 1, ?)", consultation, channel + at, channel,
                Instant.parse(at));
    }

    @Test
    void countsInboundMessagesByChannelAndMonthInTheOfficesTimeZone() {
        EngagementReport.Report r = service.bean(EngagementReport.class).of(2026);
        assertThat(r.inboundByChannel().get("telegram")).containsExactly(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(r.inboundByChannel().get("email")).containsExactly(0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0);
    }

    @Test
    void countsNewContactsByAreaAndResponsesByChannelWithinTheYear() {
        EngagementReport.Report r = service.bean(EngagementReport.class).of(2026);
        assertThat(r.registrationsByArea()).as("an organisation in several areas counts in each")
                .isEqualTo(Map.of("wrexham", 3L, "flintshire", 1L, "(none)", 1L));
        assertThat(r.responsesByChannel()).isEqualTo(Map.of("email", 2L, "telegram", 1L));
    }
}
