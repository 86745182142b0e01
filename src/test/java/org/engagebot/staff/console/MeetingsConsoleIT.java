package org.engagebot.staff.console;

import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meetings register in the console, as the office keeps it: a Police and Crime Panel registered from the form
 * (15 days' notice without being told), a mistake refused with what was typed kept, a notice sent now to the
 * attendees, and a sitting moved with the alternative-date notice.
 */
class MeetingsConsoleIT {

    @Test
    void staffRegisterAPanelSendItsNoticeAndMoveASitting() {
        try (TestService service = TestService.start(Map.of("engagebot.test.clock", "2027-01-04T09:00:00Z"))) {
            ConsoleForms console = new ConsoleForms(service);
            console.signIn("admin", TestService.ADMIN_PASSWORD);
            String list = console.get("/console/meetings").body();
            Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", ConsoleForms.csrf(list),
                    "name", "North Wales Police and Crime Panel", "body", "Police and Crime Panel", "frequency", "quarterly",
                    "nextAt", "2027-02-10T14:00", "place", "Conwy Guildhall", "attendees", "clerk@example.org\nnot-an-address"));
            HttpResponse<String> refused = console.post("/console/meetings", form);
            assertThat(refused.body()).contains("not-an-address", "is not an email address", "value=\"Conwy Guildhall\"");

            form.put("attendees", "clerk@example.org\nchair@example.org");
            form.put("public", "on");
            assertThat(console.post("/console/meetings", form).statusCode()).isEqualTo(303);
            String page = console.get("/console/meetings").body();
            assertThat(page).contains("North Wales Police and Crime Panel", "Notice 15 days before", "Wed 10 Feb 2027, 14:00",
                    "clerk@example.org, chair@example.org");
            long id = service.bean(Db.class).one("SELECT id FROM meeting", rs -> rs.getLong(1)).orElseThrow();

            String csrf = ConsoleForms.csrf(page);
            assertThat(console.post("/console/meetings/" + id + "/notice", Map.of("csrf", csrf)).body())
                    .contains("Notice sent to 2 attendees.");
            assertThat(console.post("/console/meetings/" + id + "/notice", Map.of("csrf", csrf, "alternativeAt", "2020-01-01T10:00"))
                    .body()).contains("must be a date and time in the future");
            assertThat(console.post("/console/meetings/" + id + "/notice", Map.of("csrf", csrf, "alternativeAt", "2027-02-17T14:00",
                    "reason", "The guildhall is closed")).body()).contains("Alternative date sent to 2 attendees.", "Wed 17 Feb 2027, 14:00");
            assertThat(service.bean(Db.class).count("SELECT count(*) FROM outbox WHERE channel = 'email' "
                    + "AND address = 'chair@example.org'")).isEqualTo(2);
        }
    }
}
