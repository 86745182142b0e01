package org.engagebot.channel.web;

import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A web form session left open on a shared computer no longer opens once idle: the next person starts afresh. */
class WebSessionIdleIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.web.min-page-time", "0s", "engagebot.test.clock", "2026-11-30T09:00:00Z"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aSessionLeftOpenNoLongerOpensAfterItsIdleTime() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page first = person.get("/forms/register?lang=en");
        Page second = person.answer(first, "Bangor Food Bank");
        SettableClock clock = (SettableClock) service.bean(Clock.class);
        clock.advance(Duration.ofMinutes(110));
        assertThat(person.get("/forms/register").heading()).as("still hers after 110 minutes").isEqualTo(second.heading());
        clock.advance(Duration.ofMinutes(121));
        Page next = person.get("/forms/register?lang=en");
        assertThat(next.heading()).as("the next person starts afresh").isEqualTo(first.heading());
        assertThat(next.doc().getElementById("answer").attr("value")).isEmpty();
        assertThat(person.answer(second, "Someone else's answer").status()).as("the old page's form is refused").isEqualTo(403);
    }
}
