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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password sign-in tried as an attacker would, over the real HTTP server: parallel guessing, racing the right
 * password, a flood from one address against the admin, guessing spread over many addresses, telling accounts apart
 * by the answer or its timing. The service trusts X-Forwarded-For here (as behind a proxy) so a test can speak from
 * many addresses; {@link #forwardedForIsIgnoredUnlessTheProxyIsTrusted} shows the default ignores it.
 */
class StaffSignInAttackIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.staff.trust-forwarded-for", true));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void sixtyParallelWrongGuessesLockTheAccountAndOnlyTheLimitIsChecked() throws Exception {
        staff("guessed", "guessed-password-1");
        List<Integer> answers = parallel(60, i -> () -> api("guessed", "wrong-" + i, "203.0.113.5"));
        assertThat(answers).containsOnly(401);
        assertThat(evaluatedFailures("guessed")).isEqualTo(5);
        assertThat(api("guessed", "guessed-password-1", "203.0.113.5")).isEqualTo(401);
        assertThat(evaluatedFailures("guessed")).isEqualTo(5);
        assertThat(audit("staff.sign-in-throttled", "guessed")).isEqualTo(1);
        assertThat(api("guessed", "guessed-password-1", "192.0.2.44")).isEqualTo(200);
    }

    @Test
    void wrongGuessesRacingTheRightPasswordNeverLetItInOnceLocked() throws Exception {
        staff("raced", "raced-password-1");
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> wrong = new ArrayList<>();
        for (int i = 0; i < 39; i++) {
            int n = i;
            wrong.add(pool.submit(() -> {
                go.await();
                return api("raced", "nope-" + n, "203.0.113.9");
            }));
        }
        go.countDown();
        Db db = service.bean(Db.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (db.count("SELECT count(*) FROM sign_in_throttle WHERE locked_until IS NOT NULL") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Future<Integer> right = pool.submit(() -> api("raced", "raced-password-1", "203.0.113.9"));
        assertThat(right.get(60, TimeUnit.SECONDS)).isEqualTo(401);
        for (Future<Integer> f : wrong) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(401);
        }
        pool.shutdown();
        assertThat(evaluatedFailures("raced")).isEqualTo(5);
    }

    @Test
    void aFloodFromOneAddressCannotLockTheAdminOutOfHerOwnSignIn() throws Exception {
        List<Integer> flood = parallel(30, i -> () -> api("admin", "x", "198.51.100.7"));
        assertThat(flood).containsOnly(401);
        assertThat(api("admin", TestService.ADMIN_PASSWORD, "192.0.2.10")).isEqualTo(200);
        ConsoleForms browser = new ConsoleForms(service, "192.0.2.10");
        assertThat(browser.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/console").statusCode()).isEqualTo(200);
        staff("neighbour", "neighbour-password-1");
        for (int i = 0; i < 20; i++) {
            api("user" + i, "spray", "198.51.100.8");
        }
        assertThat(api("neighbour", "neighbour-password-1", "198.51.100.8")).as("the spraying address is paused for every name")
                .isEqualTo(401);
        assertThat(api("neighbour", "neighbour-password-1", "192.0.2.11")).isEqualTo(200);
    }

    @Test
    void guessesSpreadOverManyAddressesLockPasswordSignInEverywhereUntilAnAdminUnlocks() throws Exception {
        staff("spread", "spread-password-1");
        List<Integer> answers = parallel(60, i -> () -> api("spread", "guess-" + i, "10.1." + (i / 200) + "." + (i % 200)));
        assertThat(answers).containsOnly(401);
        assertThat(evaluatedFailures("spread")).isEqualTo(50);
        assertThat(api("spread", "spread-password-1", "192.0.2.12")).isEqualTo(401);
        ConsoleForms admin = new ConsoleForms(service, "192.0.2.13");
        admin.signIn("admin", TestService.ADMIN_PASSWORD);
        assertThat(admin.get("/console/staff").body()).contains("sign-in paused (failures from many addresses)");
        admin.post("/console/staff", Map.of("csrf", ConsoleForms.csrf(admin.get("/console/staff").body()), "username", "spread",
                "action", "unlock"));
        assertThat(api("spread", "spread-password-1", "192.0.2.12")).isEqualTo(200);
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountGetTheSameAnswer() {
        staff("known", "known-password-1");
        staff("frozen", "frozen-password-1");
        staff("gone", "gone-password-1");
        service.bean(StaffAccounts.class).lock("frozen");
        service.bean(StaffAccounts.class).deactivate("gone");
        for (int i = 0; i < 5; i++) {
            api("paused", "x" + i, "203.0.113.77");
        }
        List<HttpResponse<String>> basic = List.of(apiResponse("known", "wrong-password", "203.0.113.70"),
                apiResponse("nobody-here", "wrong-password", "203.0.113.71"),
                apiResponse("frozen", "frozen-password-1", "203.0.113.72"),
                apiResponse("gone", "gone-password-1", "203.0.113.73"),
                apiResponse("paused", "x", "203.0.113.77"));
        for (HttpResponse<String> r : basic) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).isEqualTo(basic.get(0).body());
            assertThat(r.headers().allValues("www-authenticate")).isEqualTo(basic.get(0).headers().allValues("www-authenticate"));
        }
        List<String> pages = new ArrayList<>();
        for (String[] attempt : new String[][]{{"known", "wrong-password"}, {"nobody-here", "wrong-password"},
                {"frozen", "frozen-password-1"}, {"gone", "gone-password-1"}}) {
            HttpResponse<String> page = new ConsoleForms(service, "203.0.113.74").signIn(attempt[0], attempt[1]);
            assertThat(page.statusCode()).isEqualTo(200);
            pages.add(page.body().replaceAll("value=\"[^\"]*\"", "value=\"\""));
        }
        assertThat(pages).containsOnly(pages.get(0));
        assertThat(pages.get(0)).contains("Wrong username or password, or sign-in is paused");

        long known = medianMillis(() -> api("known", "wrong-password", "203.0.113.80"));
        long unknown = medianMillis(() -> api("nobody-at-all", "wrong-password", "203.0.113.81"));
        long locked = medianMillis(() -> api("frozen", "wrong-password", "203.0.113.82"));
        System.out.printf("Basic 401 median ms: wrong password %d, unknown user %d, locked account %d%n", known, unknown, locked);
        assertThat(unknown).as("an unknown user still costs a password hash").isGreaterThan(known / 4);
        assertThat(locked).as("a locked account still costs a password hash").isGreaterThan(known / 4);
    }

    @Test
    void forwardedForIsIgnoredUnlessTheProxyIsTrusted() throws Exception {
        try (TestService direct = TestService.start()) {
            direct.bean(StaffAccounts.class).create("direct", "direct-password-1", StaffAccount.STAFF);
            for (int i = 0; i < 5; i++) {
                direct.send(HttpRequest.newBuilder(direct.url("/api/contacts")).header("X-Forwarded-For", "10.9.9." + i)
                        .header("Authorization", TestService.basic("direct", "wrong")).build());
            }
            HttpResponse<String> r = direct.send(HttpRequest.newBuilder(direct.url("/api/contacts")).header("X-Forwarded-For", "10.9.9.99")
                    .header("Authorization", TestService.basic("direct", "direct-password-1")).build());
            assertThat(r.statusCode()).as("the five guesses all counted against the real peer address").isEqualTo(401);
        }
    }

    private static void staff(String username, String password) {
        service.bean(StaffAccounts.class).create(username, password, StaffAccount.STAFF);
    }

    private static long evaluatedFailures(String username) {
        return audit("staff.sign-in-failed", username);
    }

    private static long audit(String action, String actor) {
        return service.bean(Db.class).count("SELECT count(*) FROM audit_log WHERE action = ? AND actor = ?", action, actor);
    }

    static int api(String user, String password, String address) {
        return apiResponse(user, password, address).statusCode();
    }

    static HttpResponse<String> apiResponse(String user, String password, String address) {
        return service.send(HttpRequest.newBuilder(service.url("/api/contacts")).header("X-Forwarded-For", address)
                .header("Authorization", TestService.basic(user, password)).build());
    }

    private static List<Integer> parallel(int n, java.util.function.IntFunction<Supplier<Integer>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Supplier<Integer> s = call.apply(i);
            futures.add(pool.submit(() -> {
                go.await();
                return s.get();
            }));
        }
        go.countDown();
        List<Integer> out = new ArrayList<>();
        for (Future<Integer> f : futures) {
            out.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return out;
    }

    private static long medianMillis(Supplier<Integer> call) {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            call.get();
            t[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    static String tokenIn(String body) {
        Matcher m = Pattern.compile("\"token\":\"(eb_[^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }
}
