package org.engagebot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * /register over the real Telegram client with answers typed the way people type them, in Welsh and English,
 * and what the stored areas then mean for newsletters, consultations and the console's contact filter.
 */
class TelegramNaturalRegistrationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();

    @Test
    void registersInWelshWithNaturalAnswersAndSeveralAreas() throws Exception {
        long chat = 9101;
        bot.say(chat, "/dechrau", "Gymraeg neu yn Saesneg");
        bot.tap(chat, "l:cy", "Beth hoffech chi ei wneud?");
        bot.say(chat, "/cofrestru", "Beth yw enw llawn eich sefydliad?");
        bot.say(chat, "Cymdeithas Tai Gwynedd", "Pwy yw'r person cyswllt?");
        bot.say(chat, "Siân Williams", "Ym mha ardaloedd");
        bot.say(chat, "Conwy a Gwynedd", "gyfeiriad e-bost");
        bot.say(chat, "e-bost: sian@tai.cymru.", "rif ffôn");
        bot.say(chat, "Ffôn: 01248 383 000", "gwefan");
        bot.say(chat, "/nôl", "rif ffôn");
        bot.say(chat, "01248 383000", "gwefan");
        bot.say(chat, "does dim un", "beth mae eich sefydliad yn ei wneud");
        SentMessage consent = bot.say(chat, "Tai fforddiadwy i deuluoedd.", "Ydych chi'n cytuno");
        assertThat(consent.text()).doesNotContain("2026-11").contains("Comisiynydd Heddlu a Throsedd Gogledd Cymru");
        assertThat(consent.buttons()).extracting(b -> b.text()).containsExactly("Ydw, rwy'n cytuno", "Nac ydw, nid wyf yn cytuno");
        SentMessage newsletter = bot.say(chat, "rwy'n fodlon", "Hoffech chi dderbyn cylchlythyr");
        assertThat(newsletter.buttons()).extracting(b -> b.text()).containsExactly("Hoffwn", "Na hoffwn");
        SentMessage summary = bot.say(chat, "hoffwn, diolch", "Gwiriwch eich atebion");
        assertThat(summary.text()).contains("Ardaloedd: Conwy, Gwynedd", "Ffôn: 01248 383000", "Cylchlythyr chwarterol: Hoffwn",
                "Gwefan: (wedi'i hepgor)").doesNotContain("+441248383000");
        bot.say(chat, "Cadarnhau ac anfon", "cod 6 digid");
        bot.say(chat, AddressCodes.latestCode(bot.bean(Db.class), "sian@tai.cymru"), "wedi'i gofrestru");

        Contact contact = bot.bean(ContactService.class).byEmail("sian@tai.cymru").orElseThrow();
        assertThat(contact.area()).isEqualTo("conwy,gwynedd");
        assertThat(contact.phone()).isEqualTo("+441248383000");
        assertThat(contact.website()).isNull();
        assertThat(contact.subscribed()).isTrue();

        assertThat(audience("[\"gwynedd\"]")).isEqualTo(1);
        assertThat(audience("[\"CONWY\", \"wrexham\"]")).isEqualTo(1);
        assertThat(audience("[\"wrexham\"]")).isZero();
        assertThat(bot.bean(ContactService.class).search(null, "gwynedd", null, 0, 10).total()).isEqualTo(1);
        assertThat(bot.bean(ContactService.class).search(null, "wynedd", null, 0, 10).total()).isZero();
        assertThat(invited("[\"conwy\"]")).isPositive();
        assertThat(invited("[\"flintshire\"]")).isZero();
        // the Conwy invitation reaches the chat through the outbox; wait for it, so the next reply read is /fynata's
        bot.awaitMessage(chat, m -> m.text().contains("Goleuadau"));

        SentMessage mydata = bot.say(chat, "/fynata", "Dyma bopeth sydd gennym");
        assertThat(mydata.text()).contains("Ardal: Conwy, Gwynedd", "Telegram").doesNotContain("gwynedd,", "conwy,")
                .doesNotContain("2026-11");
    }

    @Test
    void registersInEnglishWithoutLosingWorkToSlips() {
        long chat = 9102;
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        bot.say(chat, "/register", "full name of your organisation");
        bot.say(chat, "Helping Hands Bangor", "contact person");
        assertThat(bot.say(chat, "Jane Jones", "Which areas").text()).as("the step's own hint, not a second generic one")
                .contains("Choose all that apply").doesNotContain("Choose one or more");
        bot.say(chat, "All of North Wales", "email address");
        bot.say(chat, "<jane@helpinghands.org>", "phone number");
        bot.say(chat, "07700 900123", "website");
        SentMessage unknown = bot.say(chat, "/website", "What is your organisation's website?");
        assertThat(unknown.text()).contains("/website");
        bot.say(chat, "No website", "what does your organisation do");
        bot.say(chat, "We run a youth club.", "Do you agree");
        bot.say(chat, "agreed", "quarterly newsletter");
        SentMessage summary = bot.say(chat, "no ta", "Please check your answers");
        assertThat(summary.text()).contains("Phone: 07700 900123", "Quarterly newsletter: No", "Consent to be contacted: Yes, I agree");
        bot.say(chat, "3", "answers you have given so far (9)");
        bot.say(chat, "no", "Is everything correct?");
        bot.say(chat, "yes", "6-digit code");
        bot.say(chat, AddressCodes.latestCode(bot.bean(Db.class), "jane@helpinghands.org"), "is now registered");

        Contact contact = bot.bean(ContactService.class).byEmail("jane@helpinghands.org").orElseThrow();
        assertThat(contact.area()).isEqualTo("anglesey,conwy,denbighshire,flintshire,gwynedd,wrexham");
        assertThat(contact.phone()).isEqualTo("+447700900123");
        assertThat(contact.subscribed()).isFalse();
    }

    @Test
    void refusingConsentEndsKindlyAndRegistersNothing() {
        long chat = 9103;
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        bot.say(chat, "/register", "full name of your organisation");
        for (String answer : new String[]{"Quiet Org", "Sam Smith", "Wrexham", "sam@quiet.example", "01978 123456",
                "none", "We knit."}) {
            bot.say(chat, answer, "?");
        }
        SentMessage ended = bot.say(chat, "I don't agree", "We can only go on with your agreement");
        assertThat(ended.text()).contains("/register", "What would you like to do?");
        assertThat(bot.bean(ContactService.class).byEmail("sam@quiet.example")).isEmpty();
    }

    private long audience(String areas) throws Exception {
        String created = bot.postJson("/api/newsletters", "{\"title\": {\"en\": \"News\", \"cy\": \"Newyddion\"}, "
                + "\"body\": {\"en\": \"Hello\", \"cy\": \"Helo\"}, \"audience\": {\"areas\": " + areas + "}}").body();
        long id = JSON.readTree(created).get("id").asLong();
        return JSON.readTree(bot.get("/api/newsletters/" + id + "/audience").body()).get("contacts").asLong();
    }

    private int invited(String areas) throws Exception {
        String created = bot.postJson("/api/consultations", "{\"title\": {\"en\": \"Lights\", \"cy\": \"Goleuadau\"}, "
                + "\"summary\": {\"en\": \"Street lights\", \"cy\": \"Goleuadau stryd\"}, \"questions\": [{\"text\": "
                + "{\"en\": \"Views?\", \"cy\": \"Barn?\"}, \"type\": \"text\"}], \"audience\": {\"areas\": " + areas + "}}").body();
        long id = JSON.readTree(created).get("id").asLong();
        var response = bot.postJson("/api/consultations/" + id + "/publish", "{}");
        assertThat(response.statusCode()).as(created + " then " + response.body()).isEqualTo(200);
        JsonNode published = JSON.readTree(response.body());
        int total = 0;
        for (JsonNode n : published.path("invited")) {
            total += n.asInt();
        }
        return total;
    }


}
