package org.engagebot.staff;

import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff API needs Basic or a bearer token; OpenAPI and health are public; wrong passwords lock an account. */
class StaffApiAuthIT {
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
    void refusesAnonymousAndWrongCredentials() {
        assertThat(service.send(HttpRequest.newBuilder(service.url("/api/contacts")).build()).statusCode()).isEqualTo(401);
        assertThat(service.send(HttpRequest.newBuilder(service.url("/api/contacts"))
                .header("Authorization", TestService.basic("admin", "wrong-password")).build()).statusCode()).isEqualTo(401);
        assertThat(service.get("/api/contacts").statusCode()).isEqualTo(200);
    }

    @Test
    void acceptsAnIssuedBearerTokenUntilRevoked() {
        var issued = service.postJson("/api/tokens", "{\"label\": \"import script\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        Matcher m = Pattern.compile("\"token\":\"(eb_[^\"]+)\"").matcher(issued.body());
        assertThat(m.find()).isTrue();
        String token = m.group(1);
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(issued.body());
        assertThat(id.find()).isTrue();
        assertThat(bearer(token)).isEqualTo(200);
        assertThat(bearer(token + "x")).isEqualTo(401);
        assertThat(service.send(HttpRequest.newBuilder(service.url("/api/tokens/" + id.group(1))).DELETE()
                .header("Authorization", TestService.basic("admin", TestService.ADMIN_PASSWORD)).build()).statusCode()).isEqualTo(204);
        assertThat(bearer(token)).isEqualTo(401);
    }

    @Test
    void servesOpenApiAndHealthWithoutSignIn() {
        var spec = service.send(HttpRequest.newBuilder(service.url("/swagger/engagebot-staff-api-0.1.0.yml")).build());
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/contacts", "/api/visits", "/api/newsletters", "/api/consultations");
        var health = service.send(HttpRequest.newBuilder(service.url("/health")).build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).as("anonymous callers see UP/DOWN only").contains("\"status\"").doesNotContain("\"jdbc\"");
        assertThat(service.get("/health").body()).as("staff see the details").contains("\"jdbc\"");
    }

    @Test
    void locksAnAccountAfterRepeatedFailures() {
        service.bean(StaffAccounts.class).create("clerk", "clerk-password-1", StaffAccount.STAFF);
        for (int i = 0; i < 5; i++) {
            service.send(HttpRequest.newBuilder(service.url("/api/contacts"))
                    .header("Authorization", TestService.basic("clerk", "nope-" + i)).build());
        }
        assertThat(service.send(HttpRequest.newBuilder(service.url("/api/contacts"))
                .header("Authorization", TestService.basic("clerk", "clerk-password-1")).build()).statusCode()).isEqualTo(401);
    }

    private int bearer(String token) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts"))
                .header("Authorization", "Bearer " + token).build()).statusCode();
    }
}
