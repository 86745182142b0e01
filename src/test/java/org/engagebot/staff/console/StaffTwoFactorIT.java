package org.engagebot.staff.console;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.engagebot.platform.Db;
import org.engagebot.staff.StaffAccount;
import org.engagebot.staff.StaffAccounts;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TOTP second factor over the real server, with the admin requirement on (as in production) and a settable clock so
 * codes are computed independently here with java-otp: an admin without two-factor can only enrol; console sign-in
 * asks for the code; codes and recovery codes work once; Basic alone is refused for a two-factor account, which mints
 * bearer tokens with an X-TOTP code instead; the key and recovery codes are not readable from the database.
 */
class StaffTwoFactorIT {
    private static final Pattern KEY = Pattern.compile("id=\"totp-key\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");
    private static TestService service;
    private static SettableClock clock;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.staff.require-totp-for-admins", true,
                "engagebot.test.clock", "2026-12-01T10:00:00Z"));
        clock = (SettableClock) service.bean(Clock.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anAdminWithoutTwoFactorCanOnlyEnrolAndThenSignsInWithACode() throws Exception {
        admin("chief");
        HttpResponse<String> api = basicGet("chief", "/api/contacts");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("Two-factor sign-in is required for admin accounts", "/console/two-factor");
        ConsoleForms browser = new ConsoleForms(service);
        assertThat(browser.signIn("chief", password("chief")).statusCode()).isEqualTo(303);
        for (String page : List.of("/console", "/console/contacts", "/console/staff")) {
            HttpResponse<String> held = browser.get(page);
            assertThat(held.statusCode()).as(page).isEqualTo(303);
            assertThat(held.headers().firstValue("location")).as(page).hasValue("/console/two-factor");
        }
        HttpResponse<String> polling = browser.get("/api/contacts");
        assertThat(polling.statusCode()).isEqualTo(403);
        assertThat(polling.body()).contains("Two-factor sign-in is required");

        HttpResponse<String> enrolPage = browser.get("/console/two-factor");
        assertThat(enrolPage.body()).contains("<svg", "otpauth://totp/Engagebot:chief?secret=");
        String key = find(KEY, enrolPage.body());
        HttpResponse<String> wrong = browser.post("/console/two-factor", Map.of("csrf", ConsoleForms.csrf(enrolPage.body()),
                "action", "confirm", "code", codeAt(key, Duration.ofMinutes(10))));
        assertThat(wrong.body()).contains("That code did not work");
        HttpResponse<String> confirmed = browser.post("/console/two-factor", Map.of("csrf", ConsoleForms.csrf(wrong.body()),
                "action", "confirm", "code", code(key)));
        List<String> recovery = all(RECOVERY, confirmed.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);

        Db db = service.bean(Db.class);
        String stored = db.one("SELECT totp_secret FROM staff_account WHERE username = 'chief'", rs -> rs.getString(1)).orElseThrow();
        assertThat(stored).startsWith("v1:").doesNotContain(key);
        List<String> hashes = db.query("SELECT code_hash FROM staff_recovery_code", rs -> rs.getString(1));
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf(recovery);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'staff.totp-enrolled' AND actor = 'chief'")).isEqualTo(1);
        assertThat(db.query("SELECT coalesce(detail, '') || subject FROM audit_log", rs -> rs.getString(1)))
                .noneMatch(d -> d.contains(key) || recovery.stream().anyMatch(d::contains) || d.contains(password("chief")));

        ConsoleForms replayer = new ConsoleForms(service);
        HttpResponse<String> afterPassword = replayer.signIn("chief", password("chief"));
        assertThat(afterPassword.headers().firstValue("location")).hasValue("/console/login/code");
        assertThat(replayer.get("/console").headers().firstValue("location")).as("no console before the code").hasValue("/console/login");
        assertThat(submitCode(replayer, code(key)).body()).as("the enrolment code again: a replay").contains("That code did not work");
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> in = submitCode(replayer, code(key));
        assertThat(in.headers().firstValue("location")).hasValue("/console");
        assertThat(replayer.get("/console").statusCode()).isEqualTo(200);

        ConsoleForms second = new ConsoleForms(service);
        second.signIn("chief", password("chief"));
        assertThat(submitCode(second, code(key)).body()).as("a code used once is refused in its window").contains("That code did not work");
        assertThat(submitCode(second, recovery.get(3).toUpperCase()).headers().firstValue("location")).hasValue("/console");
        ConsoleForms third = new ConsoleForms(service);
        third.signIn("chief", password("chief"));
        assertThat(submitCode(third, recovery.get(3)).body()).as("a recovery code works once").contains("That code did not work");
    }

    @Test
    void basicAloneIsRefusedForATwoFactorAccountWhichMintsBearerTokensWithACode() {
        admin("ops");
        String key = enrol("ops");
        assertThat(basicGet("ops", "/api/contacts").statusCode()).isEqualTo(401);
        assertThat(mint("ops", null).statusCode()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        assertThat(mint("ops", codeAt(key, Duration.ofMinutes(5))).statusCode()).isEqualTo(401);
        HttpResponse<String> minted = mint("ops", code(key));
        assertThat(minted.statusCode()).isEqualTo(201);
        assertThat(minted.body()).contains("\"expiresAt\"");
        assertThat(mint("ops", code(key)).statusCode()).as("the same code twice").isEqualTo(401);
        String token = StaffSignInAttackIT.tokenIn(minted.body());
        assertThat(service.send(HttpRequest.newBuilder(service.url("/api/contacts")).header("Authorization", "Bearer " + token)
                .build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenMintedWithThePasswordAloneStopsCountingOnceTheAccountHasTwoFactor() {
        service.bean(StaffAccounts.class).create("sam", password("sam"), StaffAccount.STAFF);
        HttpResponse<String> minted = service.send(HttpRequest.newBuilder(service.url("/api/tokens"))
                .header("Authorization", TestService.basic("sam", password("sam"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\": \"script\"}")).build());
        String oldToken = StaffSignInAttackIT.tokenIn(minted.body());
        assertThat(bearer(oldToken)).isEqualTo(200);
        ConsoleForms browser = new ConsoleForms(service);
        enrolIn(browser, "sam");
        assertThat(bearer(oldToken)).isEqualTo(401);
        HttpResponse<String> page = browser.get("/console/two-factor");
        HttpResponse<String> fresh = browser.post("/console/two-factor", Map.of("csrf", ConsoleForms.csrf(page.body()),
                "action", "token", "label", "after two-factor", "days", "30"));
        Matcher m = Pattern.compile("id=\"new-token\">(eb_[^<]+)<").matcher(fresh.body());
        assertThat(m.find()).isTrue();
        assertThat(bearer(m.group(1))).isEqualTo(200);
    }

    private static String enrol(String username) {
        return enrolIn(new ConsoleForms(service), username);
    }

    private static String enrolIn(ConsoleForms browser, String username) {
        browser.signIn(username, password(username));
        HttpResponse<String> page = browser.get("/console/two-factor");
        String key = find(KEY, page.body());
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> done = browser.post("/console/two-factor", Map.of("csrf", ConsoleForms.csrf(page.body()),
                "action", "confirm", "code", code(key)));
        assertThat(all(RECOVERY, done.body())).hasSize(10);
        return key;
    }

    private static HttpResponse<String> submitCode(ConsoleForms browser, String code) {
        HttpResponse<String> page = browser.get("/console/login/code");
        return browser.post("/console/login/code", Map.of("csrf", ConsoleForms.csrf(page.body()), "code", code));
    }

    private static HttpResponse<String> mint(String username, String code) {
        HttpRequest.Builder b = HttpRequest.newBuilder(service.url("/api/tokens"))
                .header("Authorization", TestService.basic(username, password(username))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\": \"nightly export\", \"expiresInDays\": 7}"));
        return service.send(code == null ? b.build() : b.header("X-TOTP", code).build());
    }

    private static int bearer(String token) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts")).header("Authorization", "Bearer " + token)
                .build()).statusCode();
    }

    private static HttpResponse<String> basicGet(String username, String path) {
        return service.send(HttpRequest.newBuilder(service.url(path)).header("Authorization", TestService.basic(username,
                password(username))).build());
    }

    private static void admin(String username) {
        service.bean(StaffAccounts.class).create(username, password(username), StaffAccount.ADMIN);
    }

    private static String password(String username) {
        return username + "-long-password-1";
    }

    private static String code(String key) {
        return codeAt(key, Duration.ZERO);
    }

    private static String codeAt(String key, Duration offset) {
        try {
            return new TimeBasedOneTimePasswordGenerator().generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(key), "HmacSHA1"), clock.instant().plus(offset));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern p, String body) {
        Matcher m = p.matcher(body);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
