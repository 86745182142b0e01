package org.engagebot.staff.console;

import org.engagebot.consultations.Consultation;
import org.engagebot.consultations.ConsultationDesk;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's consultation form has the API's fields (what can and cannot change, the reason for a shorter
 * window, opening and closing dates), and an error keeps everything typed and names the field in the form's words.
 */
class ConsoleConsultationFormIT {

    @Test
    void aShortWindowWithoutAReasonKeepsWhatWasTypedThenTheReasonCreatesIt() {
        try (TestService service = TestService.start()) {
            ConsoleForms browser = new ConsoleForms(service);
            browser.signIn("admin", TestService.ADMIN_PASSWORD);
            String csrf = ConsoleForms.csrf(browser.get("/console/consultations").body());
            Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", csrf,
                    "title_en", "Street lighting in Bangor", "title_cy", "Goleuadau stryd ym Mangor",
                    "summary_en", "Which streets feel dark?", "summary_cy", "Pa strydoedd sy'n teimlo'n dywyll?",
                    "canChange_en", "Which streets come first", "canChange_cy", "Pa strydoedd sy'n dod gyntaf",
                    "cannotChange_en", "The budget", "cannotChange_cy", "Y gyllideb",
                    "questions", "text | Which street? | Pa stryd?"));
            form.put("closes", LocalDate.now().plusWeeks(4).toString());

            HttpResponse<String> refused = browser.post("/console/consultations", form);
            assertThat(refused.body()).contains("a reason for the shorter window").doesNotContain("shortReason is")
                    .contains("value=\"Street lighting in Bangor\"", "Pa strydoedd sy&#39;n dod gyntaf", "Y gyllideb",
                            "text | Which street? | Pa stryd?");

            form.put("shortReason_en", "The works start in spring");
            form.put("shortReason_cy", "Mae'r gwaith yn dechrau yn y gwanwyn");
            HttpResponse<String> created = browser.post("/console/consultations", form);
            assertThat(created.statusCode()).isEqualTo(303);
            Consultation c = service.bean(ConsultationDesk.class).all().stream()
                    .filter(x -> x.title().en().equals("Street lighting in Bangor")).findFirst().orElseThrow();
            assertThat(c.canChange().cy()).isEqualTo("Pa strydoedd sy'n dod gyntaf");
            assertThat(c.cannotChange().en()).isEqualTo("The budget");
            assertThat(c.shortReason().en()).isEqualTo("The works start in spring");
        }
    }

    /** A scale line's last part is its own labels: a label without Welsh is refused in words; five whole ones are stored. */
    @Test
    void aScaleLineCarriesItsOwnLabelsInBothLanguages() {
        try (TestService service = TestService.start()) {
            ConsoleForms browser = new ConsoleForms(service);
            browser.signIn("admin", TestService.ADMIN_PASSWORD);
            String csrf = ConsoleForms.csrf(browser.get("/console/consultations").body());
            String labels = "Very unsafe / Anniogel iawn ; Fairly unsafe / Eithaf anniogel ; Neither / Y naill na'r llall ; "
                    + "Fairly safe / Eithaf diogel ; Very safe";
            Map<String, String> form = new LinkedHashMap<>(Map.of("csrf", csrf,
                    "title_en", "Feeling safe in Rhyl", "title_cy", "Teimlo'n ddiogel yn y Rhyl",
                    "summary_en", "How safe do you feel?", "summary_cy", "Pa mor ddiogel ydych chi'n teimlo?",
                    "questions", "scale | How safe is the town centre at night? | Pa mor ddiogel yw canol y dref gyda'r nos? | "
                            + labels));

            HttpResponse<String> refused = browser.post("/console/consultations", form);
            assertThat(refused.body()).contains("Check question line 1: a scale&#39;s own labels must be 5");

            form.put("questions", form.get("questions") + " / Diogel iawn");
            assertThat(browser.post("/console/consultations", form).statusCode()).isEqualTo(303);
            Consultation c = service.bean(ConsultationDesk.class).all().stream()
                    .filter(x -> x.title().en().equals("Feeling safe in Rhyl")).findFirst().orElseThrow();
            assertThat(c.questions().get(0).labels()).hasSize(5);
            assertThat(c.questions().get(0).labels().get(4).cy()).isEqualTo("Diogel iawn");
            assertThat(c.questions().get(0).labels().get(0).en()).isEqualTo("Very unsafe");
        }
    }
}
