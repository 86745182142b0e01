package org.engagebot.staff.console;

import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console cookie is bound to the browser that signed in: copied into another browser or a script it is refused and
 * the session ends; and a session ends at its maximum age however busy it is. Over plain HTTP, as a thief would try.
 * Pages and API answers are never kept by a cache, and with an https public URL browsers are told to stay on https.
 */
class SessionTheftIT {
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.test.clock", "2026-11-30T09:00:00Z",
                "engagebot.console.session-max", "12h", "engagebot.public-url", "https://engage.opcc.example"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aCookieCopiedIntoAnotherBrowserIsRefusedAndEndsTheSession() {
        String cookie = signIn();
        assertThat(dashboard(cookie, FIREFOX)).as("the browser that signed in").isTrue();
        assertThat(dashboard(cookie, "curl/8.5.0")).as("the same cookie from a script").isFalse();
        assertThat(dashboard(cookie, FIREFOX)).as("and the session is over for the browser too").isFalse();
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusy() {
        String cookie = signIn();
        SettableClock clock = (SettableClock) service.bean(Clock.class);
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(dashboard(cookie, FIREFOX)).as("hour " + (hour + 1)).isTrue();
        }
        clock.advance(Duration.ofMinutes(61));
        assertThat(dashboard(cookie, FIREFOX)).as("past 12 hours since sign-in").isFalse();
    }

    @Test
    void pagesWithPersonalDataAreNeverCachedAndHttpsIsRemembered() {
        String cookie = signIn();
        for (String path : java.util.List.of("/console", "/forms/register?lang=en", "/api/contacts")) {
            HttpRequest.Builder b = request(path, FIREFOX).header("Cookie", "engagebot_console=" + cookie);
            HttpResponse<String> r = service.send((path.startsWith("/api") ? b.header("Authorization",
                    TestService.basic("admin", TestService.ADMIN_PASSWORD)) : b).GET().build());
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).contains("max-age=31536000");
        }
        HttpResponse<String> asset = service.send(request("/assets/web.css", FIREFOX).GET().build());
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).as("static files may be cached").doesNotContain("no-store");
    }

    private static String signIn() {
        HttpResponse<String> page = service.send(request("/console/login", FIREFOX).GET().build());
        String loginCookie = cookie(page, "engagebot_login");
        HttpResponse<String> signedIn = service.send(request("/console/login", FIREFOX)
                .header("Cookie", "engagebot_login=" + loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + ConsoleForms.csrf(page.body())
                        + "&username=admin&password=" + TestService.ADMIN_PASSWORD)).build());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return cookie(signedIn, "engagebot_console");
    }

    private static boolean dashboard(String cookie, String userAgent) {
        HttpResponse<String> r = service.send(request("/console", userAgent).header("Cookie", "engagebot_console=" + cookie)
                .GET().build());
        return r.statusCode() == 200 && !r.body().contains("name=\"password\"");
    }

    private static HttpRequest.Builder request(String path, String userAgent) {
        return HttpRequest.newBuilder(service.url(path)).header("User-Agent", userAgent);
    }

    private static String cookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";", 2)[0].split("=", 2)[1]).findFirst().orElseThrow();
    }
}
