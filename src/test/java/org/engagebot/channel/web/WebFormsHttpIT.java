package org.engagebot.channel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.conversation.Messages;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.web.WebFormClient;
import org.engagebot.testing.web.WebFormClient.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web forms over plain HTTP, as a browser without script uses them: every answer goes through the inbox and the
 * engine, the reasons are the chat's, and the stored result is read back through the staff API.
 */
class WebFormsHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MailHarness mail;
    private static TestService service;

    @BeforeAll
    static void start() {
        mail = new MailHarness();
        service = TestService.start(mail.properties(Map.of("engagebot.web.min-page-time", "0s")));
    }

    @AfterAll
    static void stop() {
        service.close();
        mail.close();
    }

    @Test
    void registersInEnglishWithAWrongAnswerASkipAndAChangedAnswer() throws Exception {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/register?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("form[method=post]")).hasSize(1);
        assertThat(page.form().select("input[type=hidden][name=csrf]")).hasSize(1);
        assertThat(page.heading()).isEqualTo("What is the full name of your organisation?");
        page = person.answer(page, "Bangor Food Bank");
        page = person.answer(page, "Siân Jones");
        assertThat(page.form().select("input[type=checkbox][name=answer]")).as("areas: several may be ticked").isNotEmpty();
        page = person.answer(page, page.option("Gwynedd"));
        page = person.answer(page, "not an email");
        assertThat(page.status()).isEqualTo(422);
        String chatReason = service.bean(Messages.class).get("invalid.email").en();
        assertThat(page.errors()).containsExactly(chatReason);
        assertThat(page.doc().selectFirst(".eb-error-summary-list a").attr("href")).isEqualTo("#answer");
        assertThat(page.doc().getElementById("answer").attr("value")).isEqualTo("not an email");
        page = person.answer(page, "info@bangorfoodbank.org");
        page = person.answer(page, "01248 123456 ext 22");
        assertThat(page.form().select("button[name=action][value=skip]")).hasSize(1);
        page = person.submit(page, "skip", Map.of());
        assertThat(page.doc().select("textarea[name=answer]")).hasSize(1);
        page = person.answer(page, "We feed families across Bangor.");
        page = person.answer(page, page.option("Yes, I agree"));
        page = person.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        assertThat(page.heading()).isEqualTo("Check your answers before sending them");
        assertThat(page.form().select("button[name=action][value=confirm]")).hasSize(1);
        assertThat(page.doc().select(".eb-summary-list-row")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(page.doc().getElementById("answers").text()).contains("01248 123456 ext. 22");
        page = person.press(page, "change-phone");
        assertThat(page.doc().getElementById("answer").attr("value")).isEqualTo("01248 123456 ext. 22");
        page = person.answer(page, "01248 123456 ext. 22");

        page = person.press(page, "change-organisation");
        assertThat(page.heading()).isEqualTo("What is the full name of your organisation?");
        assertThat(page.doc().getElementById("answer").attr("value")).isEqualTo("Bangor Food Bank");
        page = person.answer(page, "Bangor Community Food Bank");
        assertThat(page.doc().getElementById("answers").text()).contains("Bangor Community Food Bank");
        page = person.submit(page, "confirm", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().text()).as("the typed address is a claim until the code comes back").contains("6-digit code");
        assertThat(service.get("/api/contacts?email=info@bangorfoodbank.org").body()).isEqualTo("[]");
        String code = AddressCodes.latestCode(service.bean(Db.class), "info@bangorfoodbank.org");
        page = person.answer(page, code.equals("000000") ? "111111" : "000000");
        assertThat(page.status()).as("a wrong code is an error on the page, as in chat").isEqualTo(422);
        assertThat(page.errors()).singleElement().asString().startsWith("That code is not right.");
        page = person.answer(page, AddressCodes.latestCode(service.bean(Db.class), "info@bangorfoodbank.org"));
        assertThat(page.doc().getElementById("confirmation")).isNotNull();
        assertThat(page.doc().getElementById("engine-says").text()).contains("Bangor Community Food Bank");

        JsonNode contacts = JSON.readTree(service.get("/api/contacts?email=info@bangorfoodbank.org").body());
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).get("organisation").asText()).isEqualTo("Bangor Community Food Bank");
        assertThat(contacts.get(0).get("phone").asText()).isEqualTo("+441248123456;ext=22");
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'web' AND status = 'PROCESSED'"))
                .isGreaterThanOrEqualTo(13);
    }

    @Test
    void backIsAPostOfThePagesFormAndNoGetMovesTheSession() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page first = person.get("/forms/register?lang=en");
        assertThat(first.doc().select("button#back")).as("nothing to go back to").isEmpty();
        Page second = person.answer(first, "Bangor Food Bank");
        String contactQuestion = second.heading();
        assertThat(second.doc().select("a[href*=/back]")).as("Back is not a link").isEmpty();
        assertThat(second.doc().select("form[method=post]")).as("still one form on the page").hasSize(1);
        assertThat(second.doc().select("button[type=submit][form=eb-answer-form], form#eb-answer-form button[type=submit]")
                .first().attr("value")).as("Enter in the answer field continues; it does not go back").isEqualTo("continue");
        String step = second.form().selectFirst("input[name=step]").attr("value");

        assertThat(person.get("/forms/register/back?from=" + step).heading()).as("a GET changes nothing").isEqualTo(contactQuestion);
        assertThat(person.get("/forms/register/back").heading()).isEqualTo(contactQuestion);
        Page forged = person.get("/forms/register");
        forged.form().selectFirst("input[name=csrf]").attr("value", "forged");
        assertThat(person.back(forged).status()).isEqualTo(403);
        assertThat(person.get("/forms/register").heading()).isEqualTo(contactQuestion);

        Page back = person.back(second);
        assertThat(back.heading()).isEqualTo(first.heading());
        assertThat(back.doc().getElementById("answer").attr("value")).isEqualTo("Bangor Food Bank");
        Page again = person.back(second);
        assertThat(again.doc().getElementById("notice")).as("the same Back sent twice goes back once").isNotNull();
        assertThat(again.heading()).isEqualTo(first.heading());

        WebFormClient cymro = new WebFormClient(service.url("/"));
        Page welsh = cymro.answer(cymro.get("/forms/register?lang=cy"), "Banc Bwyd Bangor");
        assertThat(welsh.doc().getElementById("back").text()).isEqualTo("Yn ôl");
        assertThat(cymro.back(welsh).doc().getElementById("answer").attr("value")).isEqualTo("Banc Bwyd Bangor");
    }

    @Test
    void changeIsAPostOfThePagesFormAndNoGetMovesTheSession() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page check = toCheckYourAnswers(person, "Llanrwst Youth Club");
        String heading = check.heading();
        assertThat(check.doc().select("a[href*=/change/]")).as("Change is not a link").isEmpty();
        assertThat(check.doc().select("form[method=post]")).as("still one form on the page").hasSize(1);
        assertThat(check.doc().getElementById("change-organisation").text()).isEqualTo("Change " + check.doc()
                .select(".eb-summary-list-key").first().text());

        assertThat(person.get("/forms/register/change/organisation").heading()).as("a GET changes nothing").isEqualTo(heading);
        assertThat(person.get("/forms/register").heading()).isEqualTo(heading);
        Page forged = person.get("/forms/register");
        forged.form().selectFirst("input[name=csrf]").attr("value", "forged");
        assertThat(person.press(forged, "change-organisation").status()).isEqualTo(403);
        assertThat(person.get("/forms/register").heading()).isEqualTo(heading);

        Page change = person.press(check, "change-organisation");
        assertThat(change.heading()).isEqualTo("What is the full name of your organisation?");
        assertThat(change.doc().getElementById("answer").attr("value")).isEqualTo("Llanrwst Youth Club");
        assertThat(person.press(check, "change-organisation").heading()).as("the same Change sent twice moves once")
                .isEqualTo(change.heading());
        Page back = person.answer(change, "Llanrwst Youth Club CIO");
        assertThat(back.heading()).isEqualTo(heading);
        assertThat(back.doc().getElementById("answers").text()).contains("Llanrwst Youth Club CIO");

        WebFormClient cymro = new WebFormClient(service.url("/"));
        Page gwirio = toCheckYourAnswers(cymro, "Clwb Ieuenctid Llanrwst", "cy");
        assertThat(gwirio.doc().getElementById("change-organisation").ownText()).isEqualTo("Newid");
        assertThat(cymro.press(gwirio, "change-organisation").doc().getElementById("answer").attr("value"))
                .isEqualTo("Clwb Ieuenctid Llanrwst");
    }

    @Test
    void openingAnotherFormPartWayThroughOnlyAsksAndTheButtonStartsIt() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page second = person.answer(person.get("/forms/register?lang=en"), "Conwy Men's Shed");
        String registerQuestion = second.heading();
        Page visitFirst = new WebFormClient(service.url("/")).get("/forms/visit-application?lang=en");

        Page asked = person.get("/forms/visit-application");
        assertThat(asked.heading()).startsWith("You have not finished");
        assertThat(asked.doc().select("form[method=post]")).hasSize(1);
        assertThat(asked.form().attr("action")).isEqualTo("/forms/visit-application/start");
        assertThat(asked.doc().getElementById("carry-on").attr("href")).isEqualTo("/forms/register");
        assertThat(person.get("/forms/visit-application").heading()).as("a GET again changes nothing").isEqualTo(asked.heading());
        Page still = person.get("/forms/register");
        assertThat(still.heading()).as("the session stays where it was").isEqualTo(registerQuestion);
        assertThat(person.back(still).doc().getElementById("answer").attr("value")).isEqualTo("Conwy Men's Shed");
        second = person.answer(person.get("/forms/register"), "Conwy Men's Shed");

        Page forged = person.get("/forms/visit-application");
        forged.form().selectFirst("input[name=csrf]").attr("value", "forged");
        assertThat(person.submit(forged, "start", Map.of()).status()).isEqualTo(403);
        assertThat(person.get("/forms/register").heading()).isEqualTo(registerQuestion);

        Page visit = person.submit(person.get("/forms/visit-application"), "start", Map.of());
        assertThat(visit.uri().getPath()).isEqualTo("/forms/visit-application");
        assertThat(visit.heading()).isEqualTo(visitFirst.heading());
        assertThat(person.get("/forms/visit-application").heading()).isEqualTo(visitFirst.heading());

        WebFormClient cymro = new WebFormClient(service.url("/"));
        cymro.answer(cymro.get("/forms/register?lang=cy"), "Sied Dynion Conwy");
        Page gofyn = cymro.get("/forms/visit-application");
        assertThat(gofyn.heading()).startsWith("Nid ydych wedi gorffen");
        assertThat(gofyn.doc().getElementById("start").text()).startsWith("Dechrau");
    }

    @Test
    void theFormsListShowsAWaitingMessageWithoutTakingItAndTheNextAnswerTakesIt() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page first = person.get("/forms/register?lang=en");
        Db db = service.bean(Db.class);
        String key = db.one("SELECT session_key FROM web_session ORDER BY created_at DESC, rowid DESC LIMIT 1",
                rs -> rs.getString(1)).orElseThrow();
        service.bean(org.engagebot.platform.Transactions.class).run(() -> service.bean(org.engagebot.channel.Outbox.class)
                .enqueueReply("web", key, org.engagebot.channel.OutboundMessage.text("A note for this session")));
        String status = "SELECT status FROM outbox WHERE channel = 'web' AND address = ? AND payload LIKE '%A note for this%'";

        assertThat(person.get("/forms").doc().getElementById("messages").text()).contains("A note for this session");
        assertThat(person.get("/forms").doc().getElementById("messages")).as("a GET again: still there").isNotNull();
        assertThat(db.one(status, rs -> rs.getString(1), key)).as("a GET marks nothing shown").contains("QUEUED");

        person.answer(first, "Rhyl Repair Cafe");
        assertThat(db.one(status, rs -> rs.getString(1), key)).contains("SENT");
        assertThat(person.get("/forms").doc().getElementById("messages")).isNull();
    }

    private static Page toCheckYourAnswers(WebFormClient person, String organisation) {
        return toCheckYourAnswers(person, organisation, "en");
    }

    /** Answers every register question (skipping the optional website) up to check your answers. */
    private static Page toCheckYourAnswers(WebFormClient person, String organisation, String lang) {
        Page page = person.answer(person.get("/forms/register?lang=" + lang), organisation);
        page = person.answer(page, "Dewi Evans");
        page = person.answer(page, page.doc().select("input[name=answer]").first().attr("value"));
        page = person.answer(page, "dewi@llanrwst.example");
        page = person.answer(page, "01492 640000");
        page = person.submit(page, "skip", Map.of());
        page = person.answer(page, "Youth work.");
        page = person.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        page = person.answer(page, page.doc().select("input[type=radio][name=answer]").first().attr("value"));
        assertThat(page.doc().select(".eb-summary-list-row")).as(page.heading()).isNotEmpty();
        return page;
    }

    @Test
    void aPageSentTwiceIsStoredOnceAndARestartLosesNothing() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page first = person.get("/forms/visit-application?lang=cy");
        assertThat(first.doc().selectFirst("html").attr("lang")).isEqualTo("cy");
        Page second = person.answer(first, "Clwb Ieuenctid Llan");
        String token = first.form().selectFirst("input[name=form]").attr("value");
        Page again = person.answer(first, "Clwb Ieuenctid Llan");
        assertThat(again.doc().getElementById("notice")).isNotNull();
        assertThat(again.heading()).isEqualTo(second.heading());
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'web' AND external_id = ?",
                "form-" + token.split("\\.")[1])).isEqualTo(1);

        service.restart();
        Page someoneElse = new WebFormClient(service.url("/")).get("/forms/visit-application?lang=cy");
        assertThat(someoneElse.heading()).isNotEqualTo(second.heading());
        Page afterRestart = person.rebase(service.url("/")).get("/forms/visit-application");
        assertThat(afterRestart.heading()).isEqualTo(second.heading());
    }

    @Test
    void refusesAFormWithoutTheSessionsTokenAndTakesNothingFromTheHoneypot() {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/register?lang=en");
        long before = service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'web'");
        Page trap = person.submit(page, "continue", WebFormClient.fields("answer", "Spam Ltd", "homepage", "http://spam.example"));
        assertThat(trap.status()).isEqualTo(200);
        assertThat(trap.heading()).isEqualTo("Sorry, we could not take that");
        page.form().selectFirst("input[name=csrf]").attr("value", "forged");
        Page forged = person.answer(page, "Spam Ltd");
        assertThat(forged.status()).isEqualTo(403);
        Page huge = person.answer(person.get("/forms/register?lang=en"), "x".repeat(26 * 1024 * 1024));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.heading()).as("the form's own page, not the API's JSON").isEqualTo("That was too large to send");
        assertThat(service.bean(Db.class).count("SELECT count(*) FROM inbox WHERE channel = 'web'")).isEqualTo(before);
    }

    @Test
    void savesAndComesBackLaterFromTheEmailedLink() throws Exception {
        WebFormClient person = new WebFormClient(service.url("/"));
        Page page = person.get("/forms/register?lang=en");
        page = person.answer(page, "Conwy Carers");
        Page save = person.submit(page, "save", Map.of());
        assertThat(save.heading()).isEqualTo("Save your answers and come back later");
        Page wrong = person.submit(save, null, WebFormClient.fields("email", "nope"));
        assertThat(wrong.status()).isEqualTo(422);
        Page sent = person.submit(save, null, WebFormClient.fields("email", "Carers@Conwy.example"));
        assertThat(sent.doc().getElementById("sent").text()).contains("carers@conwy.example");

        String body = MailHarness.text(mail.waitFor("carers@conwy.example", 1));
        Matcher link = Pattern.compile("https?://\\S+/forms/resume/\\S+").matcher(body);
        assertThat(link.find()).isTrue();
        WebFormClient laterOnAnotherDevice = new WebFormClient(service.url("/"));
        Page button = laterOnAnotherDevice.get(java.net.URI.create(link.group()).getPath());
        assertThat(button.form().selectFirst("button#resume")).isNotNull();
        Page resumed = laterOnAnotherDevice.submit(button, null, Map.of());
        assertThat(resumed.heading()).isEqualTo("Who is the contact person? Please give their full name.");
        Page forged = new WebFormClient(service.url("/")).get("/forms/resume/wabc.99999999999.bad");
        assertThat(forged.status()).isEqualTo(404);
    }

    @Test
    void answersAConsultationByItsReferenceAndListsWhatAPersonCanDo() throws Exception {
        JsonNode created = JSON.readTree(service.postJson("/api/consultations", "{\"title\": {\"en\": \"Safer streets\", "
                + "\"cy\": \"Strydoedd mwy diogel\"}, \"summary\": {\"en\": \"Tell us\", \"cy\": \"Dywedwch wrthym\"}, "
                + "\"questions\": [{\"type\": \"text\", \"text\": {\"en\": \"Which streets feel unsafe?\", \"cy\": "
                + "\"Pa strydoedd sy'n teimlo'n anniogel?\"}}, {\"type\": \"multi\", \"text\": {\"en\": \"What would help?\", "
                + "\"cy\": \"Beth fyddai'n helpu?\"}, \"options\": [{\"en\": \"Lighting\", \"cy\": \"Goleuadau\"}, "
                + "{\"en\": \"Patrols\", \"cy\": \"Patrolau\"}, {\"en\": \"CCTV\", \"cy\": \"Teledu cylch cyfyng\"}]}]}").body());
        String reference = created.get("reference").asText();
        service.postJson("/api/consultations/" + created.get("id").asText() + "/publish", "");
        WebFormClient person = new WebFormClient(service.url("/"));
        Page list = person.get("/forms?lang=en");
        assertThat(list.doc().select("a[href^=/forms/]").eachAttr("href"))
                .contains("/forms/register?lang=en", "/forms/visit-application?lang=en", "/forms/" + reference + "?lang=en");

        Page page = person.get("/forms/" + reference + "?lang=en");
        assertThat(page.doc().select("textarea[name=answer]")).hasSize(1);
        page = person.answer(page, "");
        assertThat(page.status()).isEqualTo(422);
        page = person.answer(page, "The underpass by the station");
        assertThat(page.doc().select("input[type=checkbox][name=answer]")).hasSize(3);
        page = person.answer(page, page.option("Lighting"), page.option("CCTV"));
        page = person.submit(page, "confirm", Map.of());
        assertThat(page.doc().getElementById("reference").text()).isEqualTo(reference);
        JsonNode responses = JSON.readTree(service.get("/api/consultations/" + created.get("id").asText() + "/responses").body());
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).get("channel").asText()).isEqualTo("web");
        assertThat(responses.get(0).toString()).contains("The underpass by the station");
        assertThat(person.get("/forms/CON-1999-99").status()).isEqualTo(404);
    }
}
