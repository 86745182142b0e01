package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import API, the console's CSRF refusal, lockout message, and that the API keeps answering 401 / Basic. */
class ConsoleSecurityAndImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void importAddsUpdatesAndRejectsRowsWithReasons() throws Exception {
        service.bean(ContactService.class).register(new org.engagebot.contacts.Registration("Old name", "Ann", null,
                "ann@example.org", null, null, null, "en", false, "v1"), null, null);
        String csv = "\uFEFFemail,organisation,name,phone,area,language,telegram,subscribed\r\n"
                + "new@example.org,\"Cymdeithas, Bangor\",Bryn,01248 123456,Gwynedd,cy,7001,ie\r\n"
                + "ANN@example.org,\"New \"\"quoted\"\" name\",,,Wrecsam,,,yes\r\n"
                + "not-an-email,Bad,,,,,,\r\n"
                + "phone@example.org,,,12,,,,\r\n"
                + "area@example.org,,,,Atlantis,,,\r\n"
                + "lang@example.org,,,,,fr,,\r\n"
                + "new@example.org,Again,,,,,,\r\n";
        HttpResponse<String> r = service.post("/api/contacts/import", "text/csv", csv);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("imported").asInt()).isEqualTo(1);
        assertThat(body.get("updated").asInt()).isEqualTo(1);
        assertThat(body.get("rejected")).hasSize(5);
        assertThat(body.get("rejected").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(body.get("rejected").toString()).contains("not a valid address", "phone '12'", "Atlantis", "must be en or cy",
                "already on line 2");

        ContactService contacts = service.bean(ContactService.class);
        Contact added = contacts.byEmail("new@example.org").orElseThrow();
        assertThat(added.organisation()).isEqualTo("Cymdeithas, Bangor");
        assertThat(added.phone()).isEqualTo("+441248123456");
        assertThat(added.area()).isEqualTo("gwynedd");
        assertThat(added.subscribed()).isTrue();
        assertThat(added.channels()).containsExactly("telegram");
        Contact updated = contacts.byEmail("ann@example.org").orElseThrow();
        assertThat(updated.organisation()).isEqualTo("New \"quoted\" name");
        assertThat(updated.name()).isEqualTo("Ann");
        assertThat(updated.area()).isEqualTo("wrexham");
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM consent WHERE contact_id = ? AND purpose = 'newsletter-email' AND granted = 1 "
                + "AND version = 'import' AND channel = 'import'", added.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'contact.import'")).isEqualTo(1);
    }

    @Test
    void apiStillAnswers401WithoutCredentialsAndAcceptsBasic() {
        HttpResponse<String> anonymous = service.send(HttpRequest.newBuilder(service.url("/api/contacts")).GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(service.get("/api/contacts").statusCode()).isEqualTo(200);
        HttpResponse<String> console = service.send(HttpRequest.newBuilder(service.url("/console")).GET().build());
        assertThat(console.statusCode()).isEqualTo(303);
        assertThat(console.headers().firstValue("location")).hasValue("/console/login");
        HttpResponse<String> script = service.send(HttpRequest.newBuilder(service.url("/assets/console.js")).GET().build());
        assertThat(script.statusCode()).isEqualTo(200);
    }

    @Test
    void consolePublicPagesAndStaticFilesForbidFramingSniffingAndForeignScripts() {
        for (String path : new String[]{"/console/login", "/public/newsletters", "/assets/console.js", "/api/contacts"}) {
            HttpResponse<String> r = service.send(HttpRequest.newBuilder(service.url(path)).GET().build());
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void consoleFormWithoutTheTokenIsRefused() {
        ConsoleForms browser = new ConsoleForms(service);
        assertThat(browser.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> dashboard = browser.get("/console");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dashboard");
        HttpResponse<String> forged = browser.post("/console/contacts/import", Map.of("step", "confirm",
                "csv", "email\nforged@example.org\n"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(service.bean(ContactService.class).byEmail("forged@example.org")).isEmpty();
        HttpResponse<String> wrong = browser.post("/console/contacts/import", Map.of("step", "confirm", "csrf", "guess",
                "csv", "email\nforged@example.org\n"));
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void fiveWrongPasswordsPauseSignInWithTheSameAnswerAsAWrongPassword() {
        service.bean(StaffAccounts.class).create("casey", "a-long-password-1", StaffAccount.STAFF);
        ConsoleForms browser = new ConsoleForms(service);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("casey", "wrong-password").body()).contains("Wrong username or password");
        }
        HttpResponse<String> right = browser.signIn("casey", "a-long-password-1");
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("Wrong username or password, or sign-in is paused");
    }
}
