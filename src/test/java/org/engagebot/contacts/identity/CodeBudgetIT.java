package org.engagebot.contacts.identity;

import org.engagebot.conversation.Participant;
import org.engagebot.conversation.Participants;
import org.engagebot.testing.SettableClock;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing a code by asking again and again: every new web session is a new "chat", so only the address's own budget
 * stops an attacker. Five codes an hour with five tries each let 600 guesses a day at one address (about one in five
 * over a year of trying) and flood its owner with 120 mails a day; a daily budget per address bounds both.
 */
class CodeBudgetIT {
    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(Map.of("engagebot.test.clock", "2026-11-30T09:00:00Z"));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anAddressGetsAtMostTenCodesADayWhoeverAsks() {
        AddressProofs proofs = service.bean(AddressProofs.class);
        SettableClock clock = (SettableClock) service.bean(Clock.class);
        Participants participants = service.bean(Participants.class);
        List<AddressProofs.Started> results = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            for (int i = 0; i < 5; i++) {
                Participant attacker = participants.identify("web", "w-attacker-" + hour + "-" + i, null);
                results.add(proofs.start("victim@example.org", attacker, "register"));
            }
            clock.advance(Duration.ofMinutes(61));
        }
        assertThat(results.stream().filter(r -> r instanceof AddressProofs.Started.Sent).count())
                .as("codes sent to one address in three hours").isEqualTo(10);
        clock.advance(Duration.ofHours(24));
        assertThat(proofs.start("victim@example.org", participants.identify("web", "w-next-day", null), "register"))
                .isInstanceOf(AddressProofs.Started.Sent.class);
    }
}
