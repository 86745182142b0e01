package org.engagebot.staff.console;

import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console names the office as configured, like every text participants read (engagebot.office.name.*). */
class ConsoleOfficeNameIT {

    @Test
    void theFooterNamesTheConfiguredOffice() {
        try (TestService service = TestService.start(Map.of("engagebot.office.name.en", "Dyfed-Powys Police and Crime Commissioner",
                "engagebot.office.name.cy", "Comisiynydd Heddlu a Throsedd Dyfed-Powys"))) {
            ConsoleForms browser = new ConsoleForms(service);
            assertThat(browser.signIn("admin", TestService.ADMIN_PASSWORD).statusCode()).isIn(200, 303);
            String page = browser.get("/console/enquiries").body();
            assertThat(page).contains("Office of the Dyfed-Powys Police and Crime Commissioner").doesNotContain("North Wales");
        }
    }
}
