package org.engagebot.contacts.identity;

import jakarta.mail.internet.MimeMessage;
import org.engagebot.contacts.Contact;
import org.engagebot.contacts.ContactService;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.privacy.ConsentService;
import org.engagebot.testing.AddressCodes;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.mail.MailHarness;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering in a chat with someone else's email address, tried as an attacker would, with the real Telegram client
 * against the fake Bot API and GreenMail as the mail server: nothing of the victim is linked, changed, shown or erased
 * until the code emailed to her address is typed back; she is warned and can say "this wasn't me". The honest paths
 * (a new organisation, an existing contact's new chat) work with the code from the mailbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatTakeoverIT {
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create().withMail()
            .property("engagebot.privacy.staff-email", "dpo@opcc.example")
            .property("engagebot.test.clock", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());

    @Test
    void anAttackerInANewChatCannotTakeOverReadOrEraseAnExistingContact() {
        importContact("vera@victims.example", "Victim Support Gwynedd", "Vera Jones", "cy", 9101);
        Contact before = contacts().byEmail("vera@victims.example").orElseThrow();
        long attacker = 9201;

        englishChat(attacker);
        SentMessage sent = registerUntilConfirmed(attacker, "Evil Ltd", "vera@victims.example");
        assertThat(sent.text()).contains("we have emailed a 6-digit code").doesNotContain("updated");

        assertThat(contacts().byEmail("vera@victims.example").orElseThrow()).isEqualTo(before);
        assertThat(contacts().forParticipant(participant(attacker))).isEmpty();
        MimeMessage warning = bot.mail().waitFor("vera@victims.example", 1);
        String warningText = MailHarness.text(warning);
        assertThat(warningText).as("in her language, Welsh").contains("sydd wedi'i gofrestru gyda ni", "Telegram")
                .doesNotContain("registered with us");
        bot.awaitMessage(9101, m -> m.text().contains("Mae rhywun mewn sgwrs arall wedi gofyn"));

        for (int left = 4; left >= 1; left--) {
            bot.say(attacker, wrongCode(warningText), "You can try " + left + " more times");
        }
        bot.say(attacker, wrongCode(warningText), "can no longer be used");
        bot.say(attacker, AddressCodes.code(warningText), "can no longer be used");
        assertThat(contacts().forParticipant(participant(attacker))).isEmpty();

        SentMessage mine = bot.say(attacker, "/mydata", "everything we hold about you");
        assertThat(mine.text()).contains("You have not registered with us", "waiting for the code we emailed")
                .doesNotContain("Victim Support", "Vera Jones", "+441248");
        String download = anonymous("GET", downloadPath(mine.text())).body();
        assertThat(download).contains("Evil Ltd").doesNotContain("Victim Support", "Vera Jones", "+441248", "\"9101\"");

        bot.say(attacker, "/forget", "Are you sure");
        bot.say(attacker, "yes", "You were not registered with us");
        assertThat(contacts().byEmail("vera@victims.example").orElseThrow()).isEqualTo(before);

        String notMe = AddressCodes.notMePath(warningText);
        HttpResponse<String> page = anonymous("GET", notMe);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"", "Nid fi oedd hyn");
        assertThat(audits("identity.denied")).as("a GET (a link scanner) changes nothing").isZero();
        HttpResponse<String> denied = anonymous("POST", notMe);
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("Thank you for telling us");
        assertThat(bot.bean(Db.class).count("SELECT count(*) FROM audit_log WHERE action = 'identity.denied' "
                + "AND subject = ?", "contact:" + before.id())).isEqualTo(1);
        assertThat(MailHarness.text(bot.mail().waitFor("dpo@opcc.example", 1))).contains("participant:")
                .doesNotContain("vera@victims.example");

        long another = 9202;
        englishChat(another);
        registerUntil(another, "Evil Ltd", "vera@victims.example", "We cannot send a code to that address just now");
        assertThat(bot.mail().to("vera@victims.example")).as("no code goes out while she has it blocked").hasSize(1);
        assertThat(contacts().byEmail("vera@victims.example").orElseThrow()).isEqualTo(before);
    }

    @Test
    void theChatCannotTellWhetherAnAddressIsAlreadyKnown() {
        importContact("known@charity.example", "Known Charity", "Kim", "en", null);
        englishChat(9301);
        englishChat(9302);
        String known = registerUntilConfirmed(9301, "Some Org", "known@charity.example").text();
        String unknown = registerUntilConfirmed(9302, "Some Org", "unknown@charity.example").text();
        assertThat(known.replace("known@charity.example", "ADDRESS"))
                .isEqualTo(unknown.replace("unknown@charity.example", "ADDRESS"));
    }

    @Test
    void aNewOrganisationRegistersWithTheCodeFromItsMailboxAndOnlyThenGetsTheNewsletterByEmail() {
        long chat = 9401;
        englishChat(chat);
        registerUntilConfirmed(chat, "Bangor Food Bank", "hello@foodbank.example");
        assertThat(contacts().byEmail("hello@foodbank.example")).isEmpty();
        String code = AddressCodes.code(MailHarness.text(bot.mail().waitFor("hello@foodbank.example", 1)));

        bot.say(chat, code, "Bangor Food Bank is now registered");
        Contact contact = contacts().byEmail("hello@foodbank.example").orElseThrow();
        assertThat(contact.channels()).containsExactly("telegram");
        assertThat(contact.emailConfirmed()).isEqualTo("code");
        assertThat(contact.subscribed()).isTrue();
        ConsentService consents = bot.bean(ConsentService.class);
        assertThat(consents.mayReceiveNewsletter(contact.id(), "email")).isTrue();
        assertThat(consents.mayReceiveNewsletter(contact.id(), "telegram")).isTrue();
        bot.say(chat, code, "");
        assertThat(contacts().byEmail("hello@foodbank.example").orElseThrow().channels()).containsExactly("telegram");
    }

    @Test
    void anExistingContactLinksANewChatWithTheCodeThenHerDataAndErasureWork() {
        importContact("jo@youthclub.example", "Youth Club Conwy", "Jo Evans", "en", null);
        long chat = 9501;
        englishChat(chat);
        registerUntilConfirmed(chat, "Youth Club Conwy (new name)", "jo@youthclub.example");
        String code = AddressCodes.code(MailHarness.text(bot.mail().waitFor("jo@youthclub.example", 1)));
        bot.say(chat, code, "we have updated the details we hold for Youth Club Conwy (new name)");
        Contact contact = contacts().byEmail("jo@youthclub.example").orElseThrow();
        assertThat(contact.channels()).containsExactly("telegram");
        assertThat(contact.organisation()).isEqualTo("Youth Club Conwy (new name)");

        SentMessage data = bot.say(chat, "/mydata", "everything we hold about you");
        assertThat(data.text()).contains("jo@youthclub.example", "Youth Club Conwy (new name)");
        bot.say(chat, "/forget", "Are you sure");
        bot.say(chat, "yes", "we have deleted everything we held about you");
        assertThat(contacts().byEmail("jo@youthclub.example")).isEmpty();
    }

    @Test
    void aCodeExpiresAfterFifteenMinutesAndNewSendsAnother() {
        long chat = 9601;
        englishChat(chat);
        registerUntilConfirmed(chat, "Slow Org", "slow@org.example");
        String first = AddressCodes.latestCode(db(), "slow@org.example");
        ((SettableClock) bot.bean(Clock.class)).advance(Duration.ofMinutes(16));
        bot.say(chat, first, "can no longer be used");
        assertThat(contacts().byEmail("slow@org.example")).isEmpty();
        bot.say(chat, "new", "We have emailed a new code to slow@org.example");
        String second = AddressCodes.latestCode(db(), "slow@org.example");
        bot.say(chat, second, "Slow Org is now registered");
    }

    @Test
    void fiveWrongCodesNeedANewOneAndCodesAreRateLimited() {
        long chat = 9701;
        englishChat(chat);
        registerUntilConfirmed(chat, "Typo Org", "typo@org.example");
        String right = AddressCodes.latestCode(db(), "typo@org.example");
        bot.say(chat, "12345", "A code is 6 digits");
        for (int i = 0; i < 5; i++) {
            bot.say(chat, wrongCode(right), i < 4 ? "That code is not right" : "can no longer be used");
        }
        bot.say(chat, right, "can no longer be used");
        for (int sends = 2; sends <= 5; sends++) {
            bot.say(chat, "NEW", "We have emailed a new code");
        }
        bot.say(chat, "NEW", "We cannot send a code to that address just now");
        bot.say(chat, AddressCodes.latestCode(db(), "typo@org.example"), "Typo Org is now registered");
        assertThat(db().count("SELECT count(*) FROM address_proof WHERE code_hash = ? OR length(code_hash) <> 64", right))
                .as("codes are stored only as HMACs").isZero();
    }

    @Test
    void aWelshChatGetsTheWelshTexts() {
        long chat = 9801;
        bot.say(chat, "/cofrestru", "Gymraeg neu yn Saesneg");
        bot.tap(chat, "l:cy", "Beth yw enw llawn eich sefydliad");
        bot.say(chat, "Menter Iaith Môn", "Pwy yw'r person cyswllt");
        bot.say(chat, "Siân Williams", "Ym mha ardal");
        bot.say(chat, "Ynys Môn", "gyfeiriad e-bost");
        bot.say(chat, "sian@menter.example", "rif ffôn");
        bot.say(chat, "+44 7911 123456", "gwefan");
        bot.say(chat, "menter.cymru", "beth mae eich sefydliad yn ei wneud");
        bot.say(chat, "Hybu'r Gymraeg.", "Ydych chi'n cytuno");
        bot.say(chat, "ydw", "cylchlythyr");
        bot.say(chat, "na", "Gwiriwch eich atebion");
        SentMessage sent = bot.tap(chat, "c:confirm", "rydym wedi anfon cod 6 digid ato");
        assertThat(sent.text()).contains("Teipiwch y cod 6 digid");
        MimeMessage codeMail = bot.mail().waitFor("sian@menter.example", 1);
        assertThat(MailHarness.text(codeMail)).contains("eich cod yw").doesNotContain("your code is");
        bot.say(chat, "NEWYDD", "Rydym wedi anfon cod newydd");
        bot.say(chat, AddressCodes.latestCode(db(), "sian@menter.example"), "wedi'i gofrestru");
    }

    /**
     * A stranger types a registered woman's address in his chat; she gets the code mail and, trusting the office,
     * opens every link in it and presses every button she finds except "this wasn't me". His chat must stay
     * unlinked: only the code typed in the chat that asked proves anything, and she never types it there.
     */
    @Test
    void theOwnerPressingTheCodeMailsLinksNeverLinksAStrangersChat() {
        importContact("olwen@trusting.example", "Trusting Trust", "Olwen Owen", "en", 9902);
        Contact before = contacts().byEmail("olwen@trusting.example").orElseThrow();
        long confirmedBefore = audits("identity.confirmed");
        long stranger = 9901;
        englishChat(stranger);
        registerUntilConfirmed(stranger, "Trusting Trust", "olwen@trusting.example");
        String codeMail = MailHarness.text(bot.mail().waitFor("olwen@trusting.example", 1));

        Matcher links = Pattern.compile("https?://[^/\\s]+(/\\S+)").matcher(codeMail);
        while (links.find()) {
            String path = links.group(1);
            if (!path.contains("/not-me/")) {
                anonymous("GET", path);
                anonymous("POST", path);
            }
        }
        assertThat(contacts().forParticipant(participant(stranger))).as("the stranger's chat").isEmpty();
        Contact after = contacts().byEmail("olwen@trusting.example").orElseThrow();
        assertThat(after.channels()).containsExactly("telegram");
        assertThat(after.organisation()).isEqualTo(before.organisation());
        assertThat(audits("identity.confirmed")).as("nothing confirmed").isEqualTo(confirmedBefore);
        bot.say(stranger, "/mydata", "everything we hold about you");
        assertThat(bot.sentTo(stranger)).noneMatch(m -> m.text().contains("Olwen Owen"));

        assertThat(codeMail).contains("we never ask you to click a link").doesNotContain("/public/identity/confirm/");
        HttpResponse<String> oldLink = anonymous("POST", "/public/identity/confirm/" + "A".repeat(43));
        assertThat(oldLink.statusCode()).as("a confirm link from an older mail confirms nothing").isEqualTo(410);
        assertThat(oldLink.body()).contains("type the 6-digit code");
        assertThat(anonymous("GET", "/public/identity/confirm/" + "A".repeat(43)).statusCode()).isEqualTo(410);
    }

    @Test
    void anAddressNeverConfirmedGetsNoNewsletterByEmailButItsChatStillDoes() {
        Db db = db();
        long id = db.insert("INSERT INTO contact (organisation, email, subscribed, email_confirmed, created_at, updated_at) "
                + "VALUES ('Legacy Org', 'legacy@org.example', 1, NULL, 0, 0)");
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) "
                + "VALUES (?, 'newsletter-telegram', 1, 'v', 'telegram', 0)", id);
        ConsentService consents = bot.bean(ConsentService.class);
        assertThat(consents.mayReceiveNewsletter(id, "email")).isFalse();
        assertThat(consents.mayReceiveNewsletter(id, "telegram")).isTrue();
        db.update("UPDATE contact SET email_confirmed = 'code' WHERE id = ?", id);
        assertThat(consents.mayReceiveNewsletter(id, "email")).isTrue();
    }

    private void importContact(String email, String organisation, String name, String language, Integer telegramChat) {
        HttpResponse<String> r = bot.service().post("/api/contacts/import", "text/csv", "email,organisation,name,phone,language,"
                + "telegram,subscribed\n" + email + "," + organisation + "," + name + ",01248 123456," + language + ","
                + (telegramChat == null ? "" : telegramChat) + ",yes\n");
        assertThat(r.body()).contains("\"imported\":1");
    }

    private void englishChat(long chat) {
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
    }

    private SentMessage registerUntilConfirmed(long chat, String organisation, String email) {
        return registerUntil(chat, organisation, email, "we have emailed a 6-digit code");
    }

    private SentMessage registerUntil(long chat, String organisation, String email, String expected) {
        bot.say(chat, "/register", "full name of your organisation");
        bot.say(chat, organisation, "contact person");
        bot.say(chat, "Eve Example", "Which area");
        bot.tap(chat, "a:area:gwynedd", "email address");
        bot.say(chat, email, "phone number");
        bot.say(chat, "07911 123456", "website");
        bot.tap(chat, "a:website:-skip", "what does your organisation do");
        bot.say(chat, "Things.", "agree");
        bot.tap(chat, "a:consent:yes", "newsletter");
        bot.tap(chat, "a:newsletter:yes", "Please check your answers");
        return bot.tap(chat, "c:confirm", expected);
    }

    private static String wrongCode(String mailText) {
        String right = AddressCodes.code(mailText);
        return String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    }

    private static String downloadPath(String text) {
        Matcher m = Pattern.compile("/public/mydata/[A-Za-z0-9_-]{43}").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group();
    }

    private HttpResponse<String> anonymous(String method, String path) {
        return bot.send(HttpRequest.newBuilder(bot.url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("")
                        : HttpRequest.BodyPublishers.noBody()).build());
    }

    private long audits(String action) {
        return db().count("SELECT count(*) FROM audit_log WHERE action = ?", action);
    }

    private org.engagebot.conversation.Participant participant(long chat) {
        return bot.bean(Participants.class).find("telegram", Long.toString(chat)).orElseThrow();
    }

    private ContactService contacts() {
        return bot.bean(ContactService.class);
    }

    private Db db() {
        return bot.bean(Db.class);
    }


}
