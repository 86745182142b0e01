package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's contact list filters in the database and pages, so a match beyond the first page is reachable. */
class ContactListIT {
    private static final Pattern ROW = Pattern.compile("<td>([a-z]+\\d+@example\\.org)</td>");
    private static TestService service;
    private static ConsoleForms console;

    @BeforeAll
    static void start() {
        service = TestService.start();
        Db db = service.bean(Db.class);
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        service.bean(Transactions.class).run(() -> {
            // 600 contacts in Conwy sort before the 250 in Gwynedd, so filtering after a 500-row search found none
            for (int i = 0; i < 600; i++) {
                db.insert("INSERT INTO contact (organisation, email, area, language, subscribed, created_at, updated_at) "
                        + "VALUES (?, ?, 'conwy', 'en', 1, ?, ?)", String.format("A %04d", i), "conwy" + i + "@example.org", now, now);
            }
            for (int i = 0; i < 250; i++) {
                db.insert("INSERT INTO contact (organisation, email, area, language, subscribed, created_at, updated_at) "
                        + "VALUES (?, ?, 'gwynedd', ?, 1, ?, ?)", String.format("B %04d", i), "gwynedd" + i + "@example.org",
                        i % 2 == 0 ? "cy" : "en", now, now);
            }
        });
        console = new ConsoleForms(service);
        assertThat(console.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void filtersReachEveryMatchPageByPage() {
        HttpResponse<String> first = console.get("/console/contacts?area=gwynedd&language=cy");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("1–125 of 125 contacts").doesNotContain("Next page");
        assertThat(emails(first.body())).hasSize(125).allMatch(e -> e.startsWith("gwynedd"));

        HttpResponse<String> all = console.get("/console/contacts?area=gwynedd");
        assertThat(all.body()).contains("1–200 of 250 contacts", "Next page");
        HttpResponse<String> next = console.get("/console/contacts?area=gwynedd&from=200");
        assertThat(next.body()).contains("201–250 of 250 contacts", "Previous page").doesNotContain("Next page");
        assertThat(emails(next.body())).hasSize(50).allMatch(e -> e.startsWith("gwynedd"));
    }

    private static java.util.List<String> emails(String html) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
