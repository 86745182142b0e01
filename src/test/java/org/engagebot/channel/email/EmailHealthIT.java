package org.engagebot.channel.email;

import io.micronaut.json.JsonMapper;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.testing.mail.MailHarness.await;

/**
 * /health says email is DOWN when the IMAP watcher has not completed a cycle within 5 poll intervals, or has
 * stopped, though the mail servers still answer. The watcher polls hourly here, so moving the service's clock six
 * hours on is what a watcher stuck for six hours looks like.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailHealthIT {
    private MailHarness mail;
    private TestService service;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of(
                "engagebot.mail.poll-interval", "1h",
                "engagebot.test.clock", "2026-11-30T09:00:00Z")));
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    @Test
    void emailIsDownWhenTheWatcherStallsAndWhenItStops() {
        await(() -> "running".equals(email().get("watcher")), "watcher running");
        // its first cycle must have ended before the clock moves, or that cycle's beat lands after the move
        await(() -> service.bean(ImapWatcher.class).heartbeat().beats() > 0, "a first cycle completed");
        assertThat(emailStatus()).isEqualTo("UP");

        ((SettableClock) service.bean(Clock.class)).advance(Duration.ofHours(6));
        Map<String, Object> stalled = email();
        assertThat(stalled.get("watcher")).isEqualTo("stalled: no cycle for 21600s");
        assertThat(stalled.get("imap")).isEqualTo("UP");
        assertThat(emailStatus()).isEqualTo("DOWN");
        assertThat(health().statusCode()).isEqualTo(503);

        service.bean(ImapWatcher.class).stop();
        assertThat(email().get("watcher")).isEqualTo("stopped");
        assertThat(emailStatus()).isEqualTo("DOWN");
    }

    private HttpResponse<String> health() {
        return service.get("/health");
    }

    private String emailStatus() {
        return String.valueOf(component().get("status"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> email() {
        return (Map<String, Object>) component().get("details");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> component() {
        try {
            Map<String, Object> body = service.bean(JsonMapper.class).readValue(health().body(), Map.class);
            return (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("email");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
