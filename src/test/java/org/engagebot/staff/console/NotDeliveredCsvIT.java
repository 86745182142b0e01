package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newsletter that did not reach everyone: its console page offers every recipient not delivered as CSV (not an API
 * address), bounced first, cells formula-safe, and the download is audited.
 */
class NotDeliveredCsvIT {

    @Test
    void staffDownloadEveryRecipientNotDeliveredFromTheNewslettersPage() throws Exception {
        try (TestService service = TestService.start()) {
            long id = new ObjectMapper().readTree(service.postJson("/api/newsletters", "{\"title\": {\"en\": \"News\", \"cy\": "
                    + "\"Newyddion\"}, \"body\": {\"en\": \"Hello\", \"cy\": \"Helo\"}}").body()).get("id").asLong();
            Db db = service.bean(Db.class);
            Instant now = Instant.now();
            service.bean(Transactions.class).write(() -> {
                db.insert("INSERT INTO outbox (channel, address, priority, payload, status, attempts, not_before, batch_type, "
                        + "batch_id, last_error, created_at) VALUES ('email', 'gone@example.org', 5, '{}', 'FAILED', 1, ?, "
                        + "'newsletter', ?, 'bounced after sending: 550 no such user', ?)", now, id, now);
                return db.insert("INSERT INTO outbox (channel, address, priority, payload, status, attempts, not_before, "
                        + "batch_type, batch_id, last_error, created_at) VALUES ('telegram', '12345', 5, '{}', 'FAILED', 3, ?, "
                        + "'newsletter', ?, '=HYPERLINK(\"x\")', ?)", now, id, now);
            });
            ConsoleForms console = new ConsoleForms(service);
            console.signIn("admin", TestService.ADMIN_PASSWORD);

            String page = console.get("/console/newsletters/" + id).body();
            assertThat(page).contains("id=\"not-delivered-csv\"", "gone@example.org").doesNotContain("/api/");
            HttpResponse<String> csv = console.get("/console/newsletters/" + id + "/not-delivered.csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.body().lines()).containsExactly("status,channel,address,reason,attempts",
                    "\"bounced\",\"email\",\"gone@example.org\",\"bounced after sending: 550 no such user\",1",
                    "\"failed\",\"telegram\",\"12345\",\"'=HYPERLINK(\"\"x\"\")\",3");
            assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'newsletter.export-not-delivered'")).isEqualTo(1);
        }
    }
}
