package org.engagebot.channel.email;

import org.engagebot.testing.mail.MailHarness;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.engagebot.platform.Db;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagebot.channel.email.WireFixtures.json;
import static org.engagebot.channel.email.WireFixtures.plain;

/** Applying for a visit by email: form, partial answers, only the gaps asked again, confirm, staff mail, decision. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisitEmailIT {
    static final String STAFF = "visits@opcc.example";
    private MailHarness mail;
    private TestService service;
    private Db db;

    @BeforeAll
    void start() {
        mail = new MailHarness();
        Map<String, Object> props = new HashMap<>(mail.properties());
        props.put("engagebot.visits.staff-email", STAFF);
        service = TestService.start(props);
        db = service.bean(Db.class);
    }

    @AfterAll
    void stop() {
        service.close();
        mail.close();
    }

    /** A reply to the visit form: multi-paragraph answers, area left empty and an invalid phone number. */
    static String partialAnswers(String organisation, String name, String email) {
        return String.join("\n", "1. " + organisation, "2. " + name, "3. Neuadd y Dref", "Stryd Fawr", "Y Bala LL23 7AA",
                "4.", "5. dim rhif", "6. " + email, "7. hepgor",
                "8. Rydym yn rhedeg clwb ieuenctid bob nos Wener.", "", "Rydym hefyd yn trefnu chwaraeon yn yr haf.",
                "9. Mae pobl ifanc yn brysur gyda'r nos.", "", "Mae llai o helynt ar y stryd fawr.",
                "10. Trafnidiaeth gyda'r nos.", "11. caiff", "", "Diolch,");
    }

    @Test
    void aWelshApplicantAppliesByEmailAndHearsTheDecisionInWelsh() throws Exception {
        String elin = "elin@clwb.cymru";
        WireFixtures.contact(db, "Elin Jones", elin, "cy", false);
        mail.toBot(mail.message(elin, "ymweliad", "Helo, hoffem gael ymweliad."));
        MimeMessage form = mail.waitFor(elin, 1);
        assertThat(plain(form)).contains("11. ", "Ateb:", "Atebwch \"Caiff\" neu \"Na chaiff\"").doesNotContain("Answer:", "ie neu na");

        MimeMessage answers = mail.message(elin, "Re: " + form.getSubject(),
                partialAnswers("Clwb Ieuenctid y Bala", "Elin Jones", elin) + "\n\n> " + plain(form).replace("\n", "\n> "));
        answers.setHeader("In-Reply-To", form.getMessageID());
        mail.toBot(answers);
        String again = plain(mail.waitFor(elin, 2));
        assertThat(again).contains("4. ", "5. ").doesNotContain("1. ", "3. ", "8. ", "11. ");
        assertThat(again).as("the address's postcode is offered again while the phone is put right")
                .contains("Mae'r cod post LL23 yn ardal Gwynedd: gadewch yr ateb hwn yn wag i'w ddefnyddio");

        mail.toBot(mail.message(elin, "Re: " + form.getSubject(), "5. 01678 520123 estyniad 4"));
        String summary = plain(mail.waitFor(elin, 3));
        assertThat(summary).as("the area left blank is taken from the address's postcode, and the summary says so")
                .contains("4. Ardal: Gwynedd (o'r cod post LL23)", "01678 520123 est. 4", "cadarnhau")
                .doesNotContain("+441678520123");

        mail.toBot(mail.message(elin, "Re: " + form.getSubject(), "Cadarnhau\n\n> " + summary.replace("\n", "\n> ")));
        String received = plain(mail.waitFor(elin, 4));
        Matcher ref = Pattern.compile("VIS-\\d{4}-\\d{4}").matcher(received);
        assertThat(ref.find()).as(received).isTrue();
        assertThat(received).contains("Eich cyfeirnod yw");

        String staff = plain(mail.waitFor(STAFF, 1));
        assertThat(staff).contains(ref.group(), "Clwb Ieuenctid y Bala",
                "Rydym yn rhedeg clwb ieuenctid bob nos Wener.\n\nRydym hefyd yn trefnu chwaraeon yn yr haf.");
        JsonNode list = json(service.get("/api/visits"), 200);
        long id = list.get(0).get("id").asLong();
        JsonNode detail = json(service.get("/api/visits/" + id), 200);
        assertThat(detail.toString()).contains("Neuadd y Dref\\nStryd Fawr\\nY Bala LL23 7AA",
                "Mae pobl ifanc yn brysur gyda'r nos.\\n\\nMae llai o helynt ar y stryd fawr.");
        assertThat(detail.toString()).doesNotContain("Diolch,");

        json(service.postJson("/api/visits/" + id + "/decision", "{\"status\": \"shortlisted\"}"), 200);
        MimeMessage decision = mail.waitFor(elin, 5);
        assertThat(decision.getSubject()).contains(ref.group());
        assertThat(plain(decision)).contains("rhestr fer").doesNotContain("shortlist");
    }
}
