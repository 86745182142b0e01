package org.engagebot.channel.telegram;

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

/** A whole registration through the real Telegram Bots client against a fake Bot API, with a real SQLite file. */
class TelegramRegistrationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
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
    void registersAnOrganisationInEnglish() {
        long chat = 1001;
        say(chat, "/start", "Welsh or English");
        tap(chat, "l:en", "What would you like to do?");
        say(chat, "/register", "full name of your organisation");
        say(chat, "Helping Hands Bangor", "contact person");
        say(chat, "Jane Jones", "Which area");
        say(chat, "Gwynedd", "email address");
        say(chat, "not an email", "does not look like an email address");
        say(chat, "jane@helpinghands.org", "phone number");
        say(chat, "01248 123456", "website");
        tap(chat, "a:website:-skip", "what does your organisation do");
        say(chat, "We run a youth club & a food bank <for families>.", "agree");
        tap(chat, "a:consent:yes", "newsletter");
        SentMessage summary = tap(chat, "a:newsletter:yes", "Please check your answers");
        assertThat(summary.text()).contains("Helping Hands Bangor", "Gwynedd", "01248 123456", "&lt;for families&gt;");
        assertThat(service.bean(ContactService.class).byEmail("jane@helpinghands.org")).isEmpty();
        tap(chat, "c:confirm", "we have emailed a 6-digit code");
        assertThat(service.bean(ContactService.class).byEmail("jane@helpinghands.org")).as("nothing saved before the code")
                .isEmpty();
        say(chat, AddressCodes.latestCode(service.bean(Db.class), "jane@helpinghands.org"), "is now registered");

        Contact contact = service.bean(ContactService.class).byEmail("jane@helpinghands.org").orElseThrow();
        assertThat(contact.organisation()).isEqualTo("Helping Hands Bangor");
        assertThat(contact.phone()).isEqualTo("+441248123456");
        assertThat(contact.language()).isEqualTo("en");
        assertThat(contact.subscribed()).isTrue();
        assertThat(contact.channels()).containsExactly("telegram");
        assertThat(contact.emailConfirmed()).isEqualTo("code");
    }

    @Test
    void registersInWelshAndContinuesAcrossARestart() {
        long chat = 2002;
        say(chat, "/register", "Gymraeg neu yn Saesneg");
        tap(chat, "l:cy", "Beth yw enw llawn eich sefydliad");
        say(chat, "Cymdeithas Tai Gwynedd", "Pwy yw'r person cyswllt");

        service.restart();

        say(chat, "Siân Williams", "Ym mha ardal");
        say(chat, "Ynys Môn", "gyfeiriad e-bost");
        say(chat, "sian@tai.cymru", "rif ffôn");
        SentMessage sticker = sticker(chat);
        assertThat(sticker.text()).contains("Dim ond ateb wedi'i deipio");
        say(chat, "+44 7911 123456", "gwefan");
        say(chat, "tai.cymru", "beth mae eich sefydliad yn ei wneud");
        say(chat, "Tai fforddiadwy.", "Ydych chi'n cytuno");
        say(chat, "efallai", "Cymerwch eich amser");
        say(chat, "ydw", "cylchlythyr");
        say(chat, "na", "Gwiriwch eich atebion");
        tap(chat, "c:edit", "Pa ateb hoffech chi ei newid");
        tap(chat, "e:organisation", "Beth yw enw llawn");
        say(chat, "Cymdeithas Tai Gwynedd Cyf", "Gwiriwch eich atebion");
        tap(chat, "c:confirm", "cod 6 digid");
        say(chat, AddressCodes.latestCode(service.bean(Db.class), "sian@tai.cymru"), "wedi'i gofrestru");

        Contact contact = service.bean(ContactService.class).byEmail("sian@tai.cymru").orElseThrow();
        assertThat(contact.organisation()).isEqualTo("Cymdeithas Tai Gwynedd Cyf");
        assertThat(contact.area()).isEqualTo("anglesey");
        assertThat(contact.language()).isEqualTo("cy");
        assertThat(contact.website()).isEqualTo("https://tai.cymru");
        assertThat(contact.subscribed()).isFalse();
    }

    @Test
    void aRepeatedUpdateIsActedOnOnce() {
        long chat = 3003;
        say(chat, "/start", "Welsh or English");
        int before = telegram.sentTo(chat).size();
        String update = "{\"update_id\": 777, \"message\": {\"message_id\": 5, \"date\": 1700000000, "
                + "\"chat\": {\"id\": 3003, \"type\": \"private\"}, \"from\": {\"id\": 3003, \"is_bot\": false, "
                + "\"first_name\": \"Tom\"}, \"text\": \"/help\"}}";
        telegram.queueUpdate(update);
        telegram.awaitMessages(chat, before + 1, WAIT);
        service.restart();
        telegram.queueUpdate(update);
        say(chat, "/language", "Welsh or English");
        assertThat(telegram.sentTo(chat)).hasSize(before + 2);
    }

    @Test
    void waitsOutA429AndStillDelivers() {
        long chat = 4004;
        telegram.failNextWith429("sendMessage", 1, 1);
        telegram.queueText(chat, "/start");
        SentMessage m = telegram.awaitMessage(chat, s -> s.text().contains("Welsh or English"), WAIT);
        assertThat(m).isNotNull();
        long deadline = System.currentTimeMillis() + 3000;
        while (telegram.callCount("sendMessage") < 2 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(telegram.calls()).filteredOn(c -> c.method().equals("sendMessage"))
                .extracting(c -> c.httpStatus()).contains(429, 200);
    }

    private SentMessage say(long chat, String text, String expected) {
        return telegram.say(chat, text, expected, WAIT);
    }

    private SentMessage tap(long chat, String data, String expected) {
        return telegram.tap(chat, data, expected, WAIT);
    }

    private SentMessage sticker(long chat) {
        int seen = telegram.sentTo(chat).size();
        telegram.queueSticker(chat);
        return telegram.awaitMessages(chat, seen + 1, WAIT).get(seen);
    }

}
