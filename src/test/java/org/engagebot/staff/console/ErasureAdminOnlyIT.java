package org.engagebot.staff.console;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a person cannot be undone, so only an admin may do it: a staff member's password or token gets 403 from
 * DELETE /api/contacts/{id}, and the console refuses her in her language (Welsh or English); an admin erases from the
 * record's page (a check page, then a button). Over the real HTTP server.
 */
class ErasureAdminOnlyIT {
    private static final String CLERK_PASSWORD = "clerk-password-long";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start();
        service.bean(StaffAccounts.class).create("clerk", CLERK_PASSWORD, StaffAccount.STAFF);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aStaffMembersPasswordOrTokenCannotEraseThroughTheApi() {
        long id = contact("api-victim@example.org");
        HttpResponse<String> byPassword = delete(id, TestService.basic("clerk", CLERK_PASSWORD));
        assertThat(byPassword.statusCode()).isEqualTo(403);
        assertThat(byPassword.body()).contains("Only an admin can erase");

        HttpResponse<String> minted = service.send(HttpRequest.newBuilder(service.url("/api/tokens"))
                .header("Authorization", TestService.basic("clerk", CLERK_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"script\"}")).build());
        Matcher token = Pattern.compile("(eb_[A-Za-z0-9_-]+)").matcher(minted.body());
        assertThat(token.find()).as(minted.body()).isTrue();
        assertThat(delete(id, "Bearer " + token.group(1)).statusCode()).isEqualTo(403);

        assertThat(service.get("/api/contacts?email=api-victim@example.org").body()).contains("api-victim@example.org");
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE actor = 'clerk' AND action = 'privacy.erase-refused' "
                + "AND subject = ?", "contact:" + id)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND subject = ?", "contact:" + id))
                .isZero();

        assertThat(delete(id, TestService.basic("admin", TestService.ADMIN_PASSWORD)).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/contacts?email=api-victim@example.org").body()).doesNotContain("api-victim");
    }

    @Test
    void theConsoleRefusesAStaffMemberInHerLanguageAndLetsAnAdminErase() {
        long id = contact("console-victim@example.org");
        ConsoleForms clerk = new ConsoleForms(service);
        assertThat(clerk.signIn("clerk", CLERK_PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> profile = clerk.get("/console/contacts/" + id);
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain("id=\"erase-profile\"");
        HttpResponse<String> check = clerk.get("/console/contacts/" + id + "/erase");
        assertThat(check.statusCode()).isEqualTo(403);
        assertThat(check.body()).contains("Only an admin can erase a person").doesNotContain("erase-confirm");
        String csrf = ConsoleForms.csrf(profile.body());
        HttpResponse<String> forced = clerk.post("/console/contacts/" + id + "/erase", Map.of("csrf", csrf, "action", "erase"));
        assertThat(forced.statusCode()).isEqualTo(403);
        assertThat(service.get("/api/contacts?email=console-victim@example.org").body()).contains("console-victim");

        clerk.post("/console/language", Map.of("csrf", csrf, "lang", "cy", "back", "/console"));
        HttpResponse<String> welsh = clerk.post("/console/contacts/" + id + "/erase", Map.of("csrf", csrf, "action", "erase"));
        assertThat(welsh.statusCode()).isEqualTo(403);
        assertThat(welsh.body()).contains("Dim ond gweinyddwr all ddileu data unigolyn");

        ConsoleForms admin = new ConsoleForms(service);
        admin.signIn("admin", TestService.ADMIN_PASSWORD);
        assertThat(admin.get("/console/contacts/" + id).body()).contains("id=\"erase-profile\"");
        HttpResponse<String> adminCheck = admin.get("/console/contacts/" + id + "/erase");
        assertThat(adminCheck.statusCode()).isEqualTo(200);
        assertThat(adminCheck.body()).contains("erase-confirm");
        assertThat(service.get("/api/contacts?email=console-victim@example.org").body()).as("a GET erases nothing")
                .contains("console-victim");
        HttpResponse<String> done = admin.post("/console/contacts/" + id + "/erase",
                Map.of("csrf", ConsoleForms.csrf(adminCheck.body()), "action", "erase"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("id=\"erase-done\"");
        assertThat(service.get("/api/contacts?email=console-victim@example.org").body()).doesNotContain("console-victim");
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM audit_log WHERE actor = 'admin' "
                + "AND action = 'privacy.erase' AND subject = ?", "contact:" + id)).isEqualTo(1);
    }

    private static long contact(String email) {
        HttpResponse<String> imported = service.post("/api/contacts/import", "text/csv",
                "organisation,name,email\nVictim Org,Vicky Victim," + email + "\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(service.get("/api/contacts?email=" + email).body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static HttpResponse<String> delete(long id, String authorization) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts/" + id))
                .header("Authorization", authorization).DELETE().build());
    }
}
