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
 * "Save and come back later" mails a typed, unproven address: however many sessions ask, one address gets at most
 * engagebot.web.save-mails-per-day, and the page reads the same past the cap.
 */
class WebSaveMailCapIT {
    private static TestService service;

    @BeforeAll
    static void start() {
        service = TestService.start(Map.of("engagebot.web.min-page-time", "0s", "engagebot.web.per-ip-per-minute", 1000));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void saveLinksToOneTypedAddressAreCappedSoNoOneCanHaveTheOfficeMailAStrangerOverAndOver() {
        for (int i = 0; i < 5; i++) {
            WebFormClient script = new WebFormClient(service.url("/"));
            Page page = script.answer(script.get("/forms/register?lang=en"), "Mail Bomb Ltd " + i);
            Page save = script.submit(page, "save", Map.of());
            Page sent = script.submit(save, null, WebFormClient.fields("email", "Stranger@bombed.example"));
            assertThat(sent.doc().getElementById("sent").text()).as("the page says the same either way")
                    .contains("stranger@bombed.example");
        }
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM outbox WHERE channel = 'email' "
                + "AND address = 'stranger@bombed.example'")).isEqualTo(3);
    }
}
