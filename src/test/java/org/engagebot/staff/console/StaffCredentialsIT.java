package org.engagebot.staff.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.testing.SettableClock;
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

/**
 * What an admin does to an account holds at once on every path (Basic, bearer, console session), and bearer tokens
 * expire and show their last use. Over the real server with a settable clock.
 */
class StaffCredentialsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestService service;
    private static SettableClock clock;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.test.clock", "2026-12-01T09:00:00Z"));
        clock = (SettableClock) service.bean(Clock.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aPasswordResetLockOrDeactivationEndsEverySessionAndTokenAtOnce() {
        for (String action : new String[]{"reset", "lock", "deactivate"}) {
            String user = "pat-" + action;
            service.bean(StaffAccounts.class).create(user, "first-password-1", StaffAccount.STAFF);
            String token = StaffSignInAttackIT.tokenIn(mint(user, "first-password-1", "{}").body());
            ConsoleForms pat = new ConsoleForms(service);
            pat.signIn(user, "first-password-1");
            assertThat(basic(user, "first-password-1")).isEqualTo(200);
            assertThat(bearer(token)).isEqualTo(200);
            assertThat(pat.get("/console").statusCode()).isEqualTo(200);

            ConsoleForms admin = new ConsoleForms(service);
            admin.signIn("admin", TestService.ADMIN_PASSWORD);
            String csrf = ConsoleForms.csrf(admin.get("/console/staff").body());
            Map<String, String> form = action.equals("reset")
                    ? Map.of("csrf", csrf, "username", user, "password", "second-password-2")
                    : Map.of("csrf", csrf, "username", user, "action", action);
            assertThat(admin.post("/console/staff", form).statusCode()).isEqualTo(200);

            assertThat(basic(user, "first-password-1")).as(action + ": old Basic").isEqualTo(401);
            assertThat(bearer(token)).as(action + ": old token").isEqualTo(401);
            assertThat(pat.get("/console").headers().firstValue("location")).as(action + ": old session").hasValue("/console/login");
            assertThat(basic(user, "second-password-2")).as(action).isEqualTo(action.equals("reset") ? 200 : 401);
        }
        ConsoleForms admin = new ConsoleForms(service);
        admin.signIn("admin", TestService.ADMIN_PASSWORD);
        admin.post("/console/staff", Map.of("csrf", ConsoleForms.csrf(admin.get("/console/staff").body()), "username", "pat-lock",
                "action", "unlock"));
        assertThat(basic("pat-lock", "first-password-1")).isEqualTo(200);
        assertThat(service.bean(org.engagebot.platform.Db.class).count("SELECT count(*) FROM audit_log WHERE action IN "
                + "('staff.reset-password', 'staff.lock', 'staff.deactivate', 'staff.unlock')")).isEqualTo(4);
    }

    @Test
    void tokensExpireAndShowWhenTheyWereLastUsed() throws Exception {
        service.bean(StaffAccounts.class).create("tess", "tess-password-1", StaffAccount.STAFF);
        Instant issuedAt = clock.instant();
        HttpResponse<String> longest = mint("tess", "tess-password-1", "{\"label\": \"default\"}");
        assertThat(JSON.readTree(longest.body()).get("expiresAt").asText()).isEqualTo(issuedAt.plus(Duration.ofDays(90)).toString());
        assertThat(mint("tess", "tess-password-1", "{\"expiresInDays\": 365}").statusCode()).isEqualTo(400);
        HttpResponse<String> shortOne = mint("tess", "tess-password-1", "{\"label\": \"one day\", \"expiresInDays\": 1}");
        String token = StaffSignInAttackIT.tokenIn(shortOne.body());
        long id = JSON.readTree(shortOne.body()).get("id").asLong();

        assertThat(bearer(token)).isEqualTo(200);
        assertThat(listed(id).get("lastUsedAt").asText()).isEqualTo(issuedAt.toString());
        clock.advance(Duration.ofSeconds(30));
        bearer(token);
        assertThat(listed(id).get("lastUsedAt").asText()).as("written at most once a minute").isEqualTo(issuedAt.toString());
        clock.advance(Duration.ofMinutes(2));
        bearer(token);
        assertThat(listed(id).get("lastUsedAt").asText()).isEqualTo(clock.instant().toString());

        clock.advance(Duration.ofDays(1));
        assertThat(bearer(token)).isEqualTo(401);
        JsonNode row = listed(id);
        assertThat(row.get("expired").asBoolean()).isTrue();
        assertThat(row.get("expiresAt").asText()).isEqualTo(issuedAt.plus(Duration.ofDays(1)).toString());
        assertThat(bearer(StaffSignInAttackIT.tokenIn(longest.body()))).isEqualTo(200);
    }

    private static JsonNode listed(long id) throws Exception {
        for (JsonNode n : JSON.readTree(service.get("/api/tokens").body())) {
            if (n.get("id").asLong() == id) {
                return n;
            }
        }
        throw new AssertionError("token " + id + " not listed");
    }

    private static HttpResponse<String> mint(String user, String password, String json) {
        return service.send(HttpRequest.newBuilder(service.url("/api/tokens")).header("Authorization", TestService.basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static int basic(String user, String password) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts")).header("Authorization", TestService.basic(user, password))
                .build()).statusCode();
    }

    private static int bearer(String token) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts")).header("Authorization", "Bearer " + token)
                .build()).statusCode();
    }
}
