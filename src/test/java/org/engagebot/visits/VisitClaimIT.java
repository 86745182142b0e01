package org.engagebot.visits;

import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.Registration;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
import org.engagebot.testing.telegram.TelegramHarness;
import org.engagebot.testing.telegram.SentMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant's email address is a claim: a stranger who types a known contact's address into the visit form is
 * neither told about her application (organisation, reference, status) nor filed under her record.
 */
class VisitClaimIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @RegisterExtension
    final TelegramHarness bot = TelegramHarness.create();

    @Test
    void aStrangerTypingAKnownAddressLearnsNothingAndIsNotFiledAsHer() {
        long tom = 6106;
        var participant = bot.bean(Participants.class).identify("telegram", Long.toString(tom), "Tom");
        bot.bean(ContactService.class).register(new Registration("Wrexham Food Bank", "Tom Evans", "wrexham",
                "tom@foodbank.example", "+441978123456", null, "Food", "en", false, "2026-11"), participant, "code");
        start(tom);
        SentMessage first = applyAs(tom, "Wrexham Food Bank", "tom@foodbank.example");
        assertThat(first.text()).contains("Your reference is VIS-");

        long stranger = 9109;
        start(stranger);
        SentMessage reply = applyAs(stranger, "Totally Real Charity", "TOM@foodbank.example");
        assertThat(reply.text()).as("the stranger is not told about her application")
                .doesNotContain("Wrexham Food Bank").contains("Your reference is VIS-");
        Db db = bot.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM visit_application")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM visit_application WHERE organisation = 'Totally Real Charity' "
                + "AND contact_id IS NULL")).as("the stranger's application is not filed under her record").isEqualTo(1);

        SentMessage mine = bot.say(tom, "/visit status", "VIS-");
        assertThat(mine.text()).doesNotContain("Totally Real Charity");
    }

    private void start(long chat) {
        bot.say(chat, "/start", "Welsh or English");
        bot.tap(chat, "l:en", "What would you like to do?");
    }

    private SentMessage applyAs(long chat, String organisation, String email) {
        SentMessage asked = bot.say(chat, "/visit", "full name of your organisation");
        if (asked.buttons().stream().anyMatch(b -> "a:organisation:-default".equals(b.callbackData()))) {
            bot.say(chat, organisation, "Who should we contact");
            bot.say(chat, "Alex Jones", "address where your services are provided");
            bot.say(chat, "High Street", "Which area");
            bot.tap(chat, "a:area:wrexham", "telephone number");
            bot.say(chat, "+44 7911 123456", "email address");
        } else {
            bot.say(chat, organisation, "Who should we contact");
            bot.say(chat, "Alex Jones", "address where your services are provided");
            bot.say(chat, "High Street", "Which area");
            bot.tap(chat, "a:area:wrexham", "telephone number");
            bot.say(chat, "+44 7911 123456", "email address");
        }
        bot.say(chat, email, "website");
        bot.say(chat, "www.example.org", "purpose and role");
        bot.say(chat, "Helping people at night.", "crime and community safety");
        bot.say(chat, "Fewer incidents.", "specific issues");
        bot.say(chat, "Lighting.", "mention your visit publicly");
        bot.tap(chat, "a:publicity:no", "Please check your answers");
        int seen = bot.sentTo(chat).size();
        bot.tap(chat, "c:confirm", "");
        return bot.telegram().awaitMessages(chat, seen + 1, WAIT).get(seen);
    }
}
