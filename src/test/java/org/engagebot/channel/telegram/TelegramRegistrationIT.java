package org.engagebot.channel.telegram;

import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole registration through the real Telegram Bots client against a fake Bot API, with a real SQLite file. */
class TelegramRegistrationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();

    @Test
    void registersAnOrganisationInEnglish() {
        long chat = 1001;
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
        bot.say(chat, "/register", "full name of your organisation");
        bot.say(chat, "Helping Hands Bangor", "contact person");
        bot.say(chat, "Jane Jones", "Which area");
        bot.say(chat, "Gwynedd", "email address");
        bot.say(chat, "not an email", "does not look like an email address");
        bot.say(chat, "jane@helpinghands.org", "phone number");
        bot.say(chat, "01248 123456", "website");
        bot.tap(chat, "a:website:-skip", "what does your organisation do");
        bot.say(chat, "We run a youth club & a food bank <for families>.", "agree");
        bot.tap(chat, "a:consent:yes", "newsletter");
        SentMessage summary = bot.tap(chat, "a:newsletter:yes", "Please check your answers");
        assertThat(summary.text()).contains("Helping Hands Bangor", "Gwynedd", "01248 123456", "&lt;for families&gt;");
        assertThat(bot.bean(ContactService.class).byEmail("jane@helpinghands.org")).isEmpty();
        bot.tap(chat, "c:confirm", "we have emailed a 6-digit code");
        assertThat(bot.bean(ContactService.class).byEmail("jane@helpinghands.org")).as("nothing saved before the code")
                .isEmpty();
        bot.say(chat, AddressCodes.latestCode(bot.bean(Db.class), "jane@helpinghands.org"), "is now registered");

        Contact contact = bot.bean(ContactService.class).byEmail("jane@helpinghands.org").orElseThrow();
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
        bot.say(chat, "/register", "Gymraeg neu yn Saesneg");
        bot.tap(chat, "l:cy", "Beth yw enw llawn eich sefydliad");
        bot.say(chat, "Cymdeithas Tai Gwynedd", "Pwy yw'r person cyswllt");

        bot.service().restart();

        bot.say(chat, "Siân Williams", "Ym mha ardal");
        bot.say(chat, "Ynys Môn", "gyfeiriad e-bost");
        bot.say(chat, "sian@tai.cymru", "rif ffôn");
        SentMessage sticker = sticker(chat);
        assertThat(sticker.text()).contains("Dim ond ateb wedi'i deipio");
        bot.say(chat, "+44 7911 123456", "gwefan");
        bot.say(chat, "tai.cymru", "beth mae eich sefydliad yn ei wneud");
        bot.say(chat, "Tai fforddiadwy.", "Ydych chi'n cytuno");
        bot.say(chat, "efallai", "Cymerwch eich amser");
        bot.say(chat, "ydw", "cylchlythyr");
        bot.say(chat, "na", "Gwiriwch eich atebion");
        bot.tap(chat, "c:edit", "Pa ateb hoffech chi ei newid");
        bot.tap(chat, "e:organisation", "Beth yw enw llawn");
        bot.say(chat, "Cymdeithas Tai Gwynedd Cyf", "Gwiriwch eich atebion");
        bot.tap(chat, "c:confirm", "cod 6 digid");
        bot.say(chat, AddressCodes.latestCode(bot.bean(Db.class), "sian@tai.cymru"), "wedi'i gofrestru");

        Contact contact = bot.bean(ContactService.class).byEmail("sian@tai.cymru").orElseThrow();
        assertThat(contact.organisation()).isEqualTo("Cymdeithas Tai Gwynedd Cyf");
        assertThat(contact.area()).isEqualTo("anglesey");
        assertThat(contact.language()).isEqualTo("cy");
        assertThat(contact.website()).isEqualTo("https://tai.cymru");
        assertThat(contact.subscribed()).isFalse();
    }

    @Test
    void aRepeatedUpdateIsActedOnOnce() {
        long chat = 3003;
        bot.say(chat, "/start", "Welsh or English");
        int before = bot.sentTo(chat).size();
        String update = "{\"update_id\": 777, \"message\": {\"message_id\": 5, \"date\": 1700000000, "
                + "\"chat\": {\"id\": 3003, \"type\": \"private\"}, \"from\": {\"id\": 3003, \"is_bot\": false, "
                + "\"first_name\": \"Tom\"}, \"text\": \"/help\"}}";
        bot.telegram().queueUpdate(update);
        bot.telegram().awaitMessages(chat, before + 1, WAIT);
        bot.service().restart();
        bot.telegram().queueUpdate(update);
        bot.say(chat, "/language", "Welsh or English");
        assertThat(bot.sentTo(chat)).hasSize(before + 2);
    }

    @Test
    void waitsOutA429AndStillDelivers() {
        long chat = 4004;
        bot.telegram().failNextWith429("sendMessage", 1, 1);
        bot.telegram().queueText(chat, "/start");
        SentMessage m = bot.awaitMessage(chat, s -> s.text().contains("Welsh or English"));
        assertThat(m).isNotNull();
        long deadline = System.currentTimeMillis() + 3000;
        while (bot.telegram().callCount("sendMessage") < 2 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(bot.telegram().calls()).filteredOn(c -> c.method().equals("sendMessage"))
                .extracting(c -> c.httpStatus()).contains(429, 200);
    }



    private SentMessage sticker(long chat) {
        int seen = bot.sentTo(chat).size();
        bot.telegram().queueSticker(chat);
        return bot.telegram().awaitMessages(chat, seen + 1, WAIT).get(seen);
    }

}
