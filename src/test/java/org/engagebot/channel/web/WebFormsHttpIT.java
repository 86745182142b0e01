package org.engagebot.channel.web;

import org.engagebot.testing.TestService;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The web forms over plain HTTP, as a browser without script would use them. */
class WebFormsHttpIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.web.min-page-time", "0s"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void registersThroughTheQuestionPagesWithAWrongAnswerOnTheWay() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/register?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.heading()).isEqualTo("What is the full name of your organisation?");
        page = person.answer(page, "Bangor Food Bank");
        page = person.answer(page, "Siân Jones");
        page = person.answer(page, page.option("Gwynedd"));
        page = person.answer(page, "not an email");
        System.out.println(page.status() + "\n" + page.doc().outerHtml());
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.errors()).hasSize(1);
    }
}
