package org.engagebot.visits;

import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.Registration;
import org.engagebot.conversation.Participants;
import org.engagebot.platform.Db;
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
 * An applicant's email address is a claim: a stranger who types a known contact's address into the visit form is
 * neither told about her application (organisation, reference, status) nor filed under her record.
 */
class VisitClaimIT {
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
    void aStrangerTypingAKnownAddressLearnsNothingAndIsNotFiledAsHer() {
        long tom = 6106;
        var participant = service.bean(Participants.class).identify("telegram", Long.toString(tom), "Tom");
        service.bean(ContactService.class).register(new Registration("Wrexham Food Bank", "Tom Evans", "wrexham",
                "tom@foodbank.example", "+441978123456", null, "Food", "en", false, "2026-11"), participant, "code");
        start(tom);
        SentMessage first = applyAs(tom, "Wrexham Food Bank", "tom@foodbank.example");
        assertThat(first.text()).contains("Your reference is VIS-");

        long stranger = 9109;
        start(stranger);
        SentMessage reply = applyAs(stranger, "Totally Real Charity", "TOM@foodbank.example");
        assertThat(reply.text()).as("the stranger is not told about her application")
                .doesNotContain("Wrexham Food Bank").contains("Your reference is VIS-");
        Db db = service.bean(Db.class);
        assertThat(db.count("SELECT count(*) FROM visit_application")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM visit_application WHERE organisation = 'Totally Real Charity' "
                + "AND contact_id IS NULL")).as("the stranger's application is not filed under her record").isEqualTo(1);

        SentMessage mine = telegram.say(tom, "/visit status", "VIS-", WAIT);
        assertThat(mine.text()).doesNotContain("Totally Real Charity");
    }

    private void start(long chat) {
        telegram.say(chat, "/start", "Welsh or English", WAIT);
        telegram.tap(chat, "l:en", "What would you like to do?", WAIT);
    }

    private SentMessage applyAs(long chat, String organisation, String email) {
        SentMessage asked = telegram.say(chat, "/visit", "full name of your organisation", WAIT);
        if (asked.buttons().stream().anyMatch(b -> "a:organisation:-default".equals(b.callbackData()))) {
            telegram.say(chat, organisation, "Who should we contact", WAIT);
            telegram.say(chat, "Alex Jones", "address where your services are provided", WAIT);
            telegram.say(chat, "High Street", "Which area", WAIT);
            telegram.tap(chat, "a:area:wrexham", "telephone number", WAIT);
            telegram.say(chat, "+44 7911 123456", "email address", WAIT);
        } else {
            telegram.say(chat, organisation, "Who should we contact", WAIT);
            telegram.say(chat, "Alex Jones", "address where your services are provided", WAIT);
            telegram.say(chat, "High Street", "Which area", WAIT);
            telegram.tap(chat, "a:area:wrexham", "telephone number", WAIT);
            telegram.say(chat, "+44 7911 123456", "email address", WAIT);
        }
        telegram.say(chat, email, "website", WAIT);
        telegram.say(chat, "www.example.org", "purpose and role", WAIT);
        telegram.say(chat, "Helping people at night.", "crime and community safety", WAIT);
        telegram.say(chat, "Fewer incidents.", "specific issues", WAIT);
        telegram.say(chat, "Lighting.", "mention your visit publicly", WAIT);
        telegram.tap(chat, "a:publicity:no", "Please check your answers", WAIT);
        int seen = telegram.sentTo(chat).size();
        telegram.tap(chat, "c:confirm", "", WAIT);
        return telegram.awaitMessages(chat, seen + 1, WAIT).get(seen);
    }
}
