package org.engagebot.contacts;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file larger than one chunk is written chunk by chunk and still reported for the whole file: what was added,
 * what was updated, and every rejected line with its reason, wherever in the file it was.
 */
class ContactImportIT {
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
    void reportsTheWholeFileAcrossChunks() {
        StringBuilder first = new StringBuilder("email,name\n");
        for (int i = 0; i < 100; i++) {
            first.append("known").append(i).append("@example.org,Known ").append(i).append('\n');
        }
        assertThat(service.post("/api/contacts/import", "text/csv", first.toString()).body()).contains("\"imported\":100");

        StringBuilder csv = new StringBuilder("email,name,subscribed\n");
        for (int i = 0; i < 700; i++) {
            csv.append(i < 100 ? "known" : "new").append(i).append("@example.org,Person ").append(i).append(",yes\n");
        }
        csv.append("new105@example.org,Again,yes\n");
        csv.append("not-an-address,Nobody,yes\n");
        csv.append("new650@example.org,Again,maybe\n");
        HttpResponse<String> r = service.post("/api/contacts/import", "text/csv", csv.toString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"imported\":600", "\"updated\":100", "{\"line\":702,\"reason\":\"email new105@example.org "
                + "already on line 107\"}", "{\"line\":703,", "{\"line\":704,");
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM contact")).isEqualTo(700);
        assertThat(db.count("SELECT count(*) FROM contact WHERE email = 'known42@example.org' AND name = 'Person 42' "
                + "AND subscribed = 1")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM consent WHERE purpose = 'newsletter-email'")).isEqualTo(700);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'contact.import' AND detail = "
                + "'600 added, 100 updated, 3 rejected'")).isEqualTo(1);
    }
}
