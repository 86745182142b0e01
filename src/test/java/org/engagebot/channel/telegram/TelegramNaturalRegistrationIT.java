package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.TestService;
import org.engagebot.testing.telegram.FakeBotApi;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /register over the real Telegram client with answers typed the way people type them, in Welsh and English,
 * and what the stored areas then mean for newsletters, consultations and the console's contact filter.
 */
class TelegramNaturalRegistrationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeBotApi telegram;
    private TestService service;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start("123:TEST");
        service = TestService.start(Map.of("engagebot.telegram.token", "123:TEST",
                "engagebot.telegram.api-url", telegram.baseUrl()));
    }

    @AfterEach
    void stop() {
        service.close();
        telegram.close();
    }

    @Test
    void registersInWelshWithNaturalAnswersAndSeveralAreas() throws Exception {
        long chat = 9101;
        say(chat, "/dechrau", "Gymraeg neu yn Saesneg");
        tap(chat, "l:cy", "Beth hoffech chi ei wneud?");
        say(chat, "/cofrestru", "Beth yw enw llawn eich sefydliad?");
        say(chat, "Cymdeithas Tai Gwynedd", "Pwy yw'r person cyswllt?");
        say(chat, "Siân Williams", "Ym mha ardaloedd");
        say(chat, "Conwy a Gwynedd", "gyfeiriad e-bost");
        say(chat, "e-bost: sian@tai.cymru.", "rif ffôn");
        say(chat, "Ffôn: 01248 383 000", "gwefan");
        say(chat, "/nôl", "rif ffôn");
        say(chat, "01248 383000", "gwefan");
        say(chat, "does dim un", "beth mae eich sefydliad yn ei wneud");
        SentMessage consent = say(chat, "Tai fforddiadwy i deuluoedd.", "Ydych chi'n cytuno");
        assertThat(consent.text()).doesNotContain("2026-11").contains("Comisiynydd Heddlu a Throsedd Gogledd Cymru");
        assertThat(consent.buttons()).extracting(b -> b.text()).containsExactly("Ydw, rwy'n cytuno", "Nac ydw, nid wyf yn cytuno");
        SentMessage newsletter = say(chat, "rwy'n fodlon", "Hoffech chi dderbyn cylchlythyr");
        assertThat(newsletter.buttons()).extracting(b -> b.text()).containsExactly("Hoffwn", "Na hoffwn");
        SentMessage summary = say(chat, "hoffwn, diolch", "Gwiriwch eich atebion");
        assertThat(summary.text()).contains("Ardaloedd: Conwy, Gwynedd", "Ffôn: 01248 383000", "Cylchlythyr chwarterol: Hoffwn",
                "Gwefan: (wedi'i hepgor)").doesNotContain("+441248383000");
        say(chat, "Cadarnhau ac anfon", "cod 6 digid");
        say(chat, AddressCodes.latestCode(service.bean(Db.class), "sian@tai.cymru"), "wedi'i gofrestru");

        Contact contact = service.bean(ContactService.class).byEmail("sian@tai.cymru").orElseThrow();
        assertThat(contact.area()).isEqualTo("conwy,gwynedd");
        assertThat(contact.phone()).isEqualTo("+441248383000");
        assertThat(contact.website()).isNull();
        assertThat(contact.subscribed()).isTrue();

        assertThat(audience("[\"gwynedd\"]")).isEqualTo(1);
        assertThat(audience("[\"CONWY\", \"wrexham\"]")).isEqualTo(1);
        assertThat(audience("[\"wrexham\"]")).isZero();
        assertThat(service.bean(ContactService.class).search(null, "gwynedd", null, 0, 10).total()).isEqualTo(1);
        assertThat(service.bean(ContactService.class).search(null, "wynedd", null, 0, 10).total()).isZero();
        assertThat(invited("[\"conwy\"]")).isPositive();
        assertThat(invited("[\"flintshire\"]")).isZero();
        // the Conwy invitation reaches the chat through the outbox; wait for it, so the next reply read is /fynata's
        telegram.awaitMessage(chat, m -> m.text().contains("Goleuadau"), WAIT);

        SentMessage mydata = say(chat, "/fynata", "Dyma bopeth sydd gennym");
        assertThat(mydata.text()).contains("Ardal: Conwy, Gwynedd", "Telegram").doesNotContain("gwynedd,", "conwy,")
                .doesNotContain("2026-11");
    }

    @Test
    void registersInEnglishWithoutLosingWorkToSlips() {
        long chat = 9102;
        say(chat, "/start", "Welsh or English");
        tap(chat, "l:en", "What would you like to do?");
        say(chat, "/register", "full name of your organisation");
        say(chat, "Helping Hands Bangor", "contact person");
        assertThat(say(chat, "Jane Jones", "Which areas").text()).as("the step's own hint, not a second generic one")
                .contains("Choose all that apply").doesNotContain("Choose one or more");
        say(chat, "All of North Wales", "email address");
        say(chat, "<jane@helpinghands.org>", "phone number");
        say(chat, "07700 900123", "website");
        SentMessage unknown = say(chat, "/website", "What is your organisation's website?");
        assertThat(unknown.text()).contains("/website");
        say(chat, "No website", "what does your organisation do");
        say(chat, "We run a youth club.", "Do you agree");
        say(chat, "agreed", "quarterly newsletter");
        SentMessage summary = say(chat, "no ta", "Please check your answers");
        assertThat(summary.text()).contains("Phone: 07700 900123", "Quarterly newsletter: No", "Consent to be contacted: Yes, I agree");
        say(chat, "3", "answers you have given so far (9)");
        say(chat, "no", "Is everything correct?");
        say(chat, "yes", "6-digit code");
        say(chat, AddressCodes.latestCode(service.bean(Db.class), "jane@helpinghands.org"), "is now registered");

        Contact contact = service.bean(ContactService.class).byEmail("jane@helpinghands.org").orElseThrow();
        assertThat(contact.area()).isEqualTo("anglesey,conwy,denbighshire,flintshire,gwynedd,wrexham");
        assertThat(contact.phone()).isEqualTo("+447700900123");
        assertThat(contact.subscribed()).isFalse();
    }

    @Test
    void refusingConsentEndsKindlyAndRegistersNothing() {
        long chat = 9103;
        say(chat, "/start", "Welsh or English");
        tap(chat, "l:en", "What would you like to do?");
        say(chat, "/register", "full name of your organisation");
        for (String answer : new String[]{"Quiet Org", "Sam Smith", "Wrexham", "sam@quiet.example", "01978 123456",
                "none", "We knit."}) {
            telegram.say(chat, answer, "?", WAIT);
        }
        SentMessage ended = say(chat, "I don't agree", "We can only go on with your agreement");
        assertThat(ended.text()).contains("/register", "What would you like to do?");
        assertThat(service.bean(ContactService.class).byEmail("sam@quiet.example")).isEmpty();
    }

    private long audience(String areas) throws Exception {
        String created = service.postJson("/api/newsletters", "{\"title\": {\"en\": \"News\", \"cy\": \"Newyddion\"}, "
                + "\"body\": {\"en\": \"Hello\", \"cy\": \"Helo\"}, \"audience\": {\"areas\": " + areas + "}}").body();
        long id = JSON.readTree(created).get("id").asLong();
        return JSON.readTree(service.get("/api/newsletters/" + id + "/audience").body()).get("contacts").asLong();
    }

    private int invited(String areas) throws Exception {
        String created = service.postJson("/api/consultations", "{\"title\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, "
                + "\"summary\": {\"en\": \"Street lights\", \"cy\": \"Goleuadau stryd\"}, \"questions\": [{\"text\": "
                + "{\"en\": \"Views?\", \"cy\": \"Barn?\"}, \"type\": \"text\"}], \"audience\": {\"areas\": " + areas + "}}").body();
        long id = JSON.readTree(created).get("id").asLong();
        var response = service.postJson("/api/consultations/" + id + "/publish", "{}");
        assertThat(response.statusCode()).as(created + " then " + response.body()).isEqualTo(200);
        JsonNode published = JSON.readTree(response.body());
        int total = 0;
        for (JsonNode n : published.path("invited")) {
            total += n.asInt();
        }
        return total;
    }

    private SentMessage say(long chat, String text, String expected) {
        return telegram.say(chat, text, expected, WAIT);
    }

    private SentMessage tap(long chat, String data, String expected) {
        return telegram.tap(chat, data, expected, WAIT);
    }
}
