package org.engagebot.channel.web;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse resistance without a CAPTCHA, as a script would meet it (the minimum time on a page is 8 s here, not 2 s, so
 * that a slow test machine cannot make a script look human): a page sent back faster than a person reads it is
 * not taken (a person just presses the button again), and too many writes from one session or one address get a
 * polite "wait a minute" page with Retry-After, while nothing already answered is lost.
 */
class WebAbuseIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.web.min-page-time", "20s", "engagebot.web.per-session-per-minute", 8,
                "engagebot.web.per-ip-per-minute", 24));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aFormSentTooQuicklyIsNotTakenAndTooManyRequestsGetAPolitePage() throws InterruptedException {
        Db db = service.bean(Db.class);
        WebFormClient script = new WebFormClient(service.url("/"));
        Page page = script.get("/forms/register?lang=en");
        long stored = db.count("SELECT count(*) FROM inbox WHERE channel = 'web'");
        Page tooQuick = script.answer(page, "Speedy Ltd");
        assertThat(tooQuick.status()).isEqualTo(200);
        assertThat(tooQuick.doc().getElementById("notice").text()).contains("sent very quickly");
        assertThat(tooQuick.doc().getElementById("answer").attr("value")).isEqualTo("Speedy Ltd");
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'web'")).isEqualTo(stored);
        Thread.sleep(20_200);
        Page next = script.answer(tooQuick, "Speedy Ltd");
        assertThat(next.heading()).isEqualTo("Who is the contact person? Please give their full name.");

        Page last = next;
        for (int i = 0; i < 8 && last.status() != 429; i++) {
            last = script.answer(last.status() == 200 ? last : next, "x");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.heading()).isEqualTo("Please wait a minute");

        int status = 200;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = new WebFormClient(service.url("/")).get("/forms/register?lang=cy").status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(db.count("SELECT count(*) FROM inbox WHERE channel = 'web' AND status = 'FAILED'")).isZero();
    }
}
