package org.engagebot.privacy;

import org.engagebot.testing.DatabaseScan;

import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.platform.Db;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A person registered on Telegram and the console asks for their data, then to be forgotten. */
class PrivacyIT {
    private static final long CHAT = 5005;
    private static final String EMAIL = "jane@helpinghands.org";
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create()
            .property("engagebot.privacy.staff-email", "dpo@opcc.example");

    @Test
    void exportsEverythingThenErasesItSoNoTableStillHoldsTheirEmailPhoneOrName() {
        bot.telegram().userProfile(CHAT, "Jane Jones", "janejones", "en");
        registerOnTelegram();
        registerOnConsole();
        bot.awaitMessage(CHAT, m -> m.text().contains("Someone in another conversation has asked to use the email "
                + "address we hold for you"));
        Contact contact = bot.bean(ContactService.class).byEmail(EMAIL).orElseThrow();
        assertThat(contact.channels()).containsExactly("console", "telegram");

        SentMessage summary = say("/mydata", "everything we hold about you");
        assertThat(summary.text()).contains(EMAIL, "Helping Hands Bangor", "The newsletter on Telegram");
        String token = token(summary.text());
        HttpResponse<String> download = anonymousGet("/public/mydata/" + token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains(EMAIL, "+441248123456", "Jane Jones", "\"console\"", "\"telegram\"",
                "newsletter-telegram", "newsletter-email", "We run a youth club");
        assertThat(anonymousGet("/public/mydata/" + token.substring(1) + "A").statusCode()).isEqualTo(404);

        assertThat(DatabaseScan.find(bot.bean(Db.class), EMAIL, "Jane Jones")).isNotEmpty();
        say("/forget", "Are you sure");
        say("yes", "we have deleted everything we held about you");

        assertThat(bot.bean(ContactService.class).byEmail(EMAIL)).isEmpty();
        assertThat(anonymousGet("/public/mydata/" + token).statusCode()).isEqualTo(404);
        Db db = bot.bean(Db.class);
        long deadline = System.currentTimeMillis() + 5000;
        while (db.count("SELECT count(*) FROM outbox WHERE status NOT IN ('SENT', 'FAILED') "
                + "AND id IN (SELECT outbox_id FROM privacy_scrub)") > 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(bot.bean(RetentionJob.class).runOnce()).containsEntry("goodbyes-scrubbed", 1);
        assertThat(DatabaseScan.find(db, EMAIL, "+441248123456", "01248 123456", "1248123456", "Jane Jones",
                "Helping Hands Bangor", "youth club", "janejones")).isEmpty();
        assertThat(DatabaseScan.files(bot.service().dir().resolve("engagebot.db"), EMAIL, "+441248123456", "01248 123456",
                "Jane Jones", "Helping Hands Bangor", "youth club", "janejones")).isEmpty();
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE action = 'privacy.erase' AND subject = ?",
                "contact:" + contact.id())).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM outbox WHERE channel = 'email' AND address = 'dpo@opcc.example'"))
                .isEqualTo(1);
    }

    private void registerOnTelegram() {
        say("/start", "Welsh or English");
        tap("l:en", "What would you like to do?");
        say("/register", "full name of your organisation");
        say("Helping Hands Bangor", "contact person");
        say("Jane Jones", "Which area");
        tap("a:area:gwynedd", "email address");
        say(EMAIL, "phone number");
        say("01248 123456", "website");
        tap("a:website:-skip", "what does your organisation do");
        say("We run a youth club.", "agree");
        tap("a:consent:yes", "newsletter");
        tap("a:newsletter:yes", "Please check your answers");
        tap("c:confirm", "we have emailed a 6-digit code");
        say(AddressCodes.latestCode(bot.bean(Db.class), EMAIL), "is now registered");
    }

    private void registerOnConsole() {
        Chat chat = new Chat(bot.service(), "console-jane");
        chat.say("/register", "Welsh or English");
        chat.say("English", "full name of your organisation");
        chat.say("Helping Hands Bangor", "contact person");
        chat.say("Jane Jones", "Which area");
        chat.say("Gwynedd", "email address");
        chat.say(EMAIL, "phone number");
        chat.say("01248 123456", "website");
        chat.say("helpinghands.org", "what does your organisation do");
        chat.say("We run a youth club.", "agree");
        chat.say("yes", "newsletter");
        chat.say("yes", "Please check your answers");
        chat.tap("c:confirm", "we have emailed a 6-digit code");
        chat.say(AddressCodes.latestCode(bot.bean(Db.class), EMAIL), "updated the details");
    }

    private static String token(String text) {
        Matcher m = Pattern.compile("/public/mydata/([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(m.find()).as("download link in " + text).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> anonymousGet(String path) {
        return bot.send(HttpRequest.newBuilder(bot.url(path)).GET().build());
    }

    private SentMessage say(String text, String expected) {
        return bot.say(CHAT, text, expected);
    }

    private SentMessage tap(String data, String expected) {
        return bot.tap(CHAT, data, expected);
    }
}
