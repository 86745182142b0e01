package org.engagebot.staff.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff read times in the office's zone, written for people; CSVs carry ISO-8601 with the offset. */
class ConsoleTimeTest {
    @Test
    void timesAreShownInUkTimeForPeopleInWinterAndSummer() {
        assertThat(ConsoleTime.people(Instant.parse("2027-03-04T10:30:00Z"))).isEqualTo("Thu 4 Mar 2027, 10:30");
        assertThat(ConsoleTime.people(Instant.parse("2027-09-14T09:30:00Z"))).isEqualTo("Tue 14 Sep 2027, 10:30");
        assertThat(ConsoleTime.INSTANCE.at("2026-11-30T14:22:38.802Z")).isEqualTo("Mon 30 Nov 2026, 14:22");
        assertThat(ConsoleTime.INSTANCE.at(null)).isEmpty();
        assertThat(ConsoleTime.INSTANCE.at("not a time")).isEqualTo("not a time");
    }

    @Test
    void aConsoleReadInWelshShowsWelshDaysAndMonthsAndTakesEventTimesWithAnOffset() {
        assertThat(ConsoleTime.WELSH.at(Instant.parse("2027-03-04T10:30:00Z"))).isEqualTo("Iau 4 Maw 2027, 10:30");
        assertThat(ConsoleTime.WELSH.day(Instant.parse("2027-07-11T10:30:00Z"))).isEqualTo("Sul 11 Gorff 2027");
        assertThat(ConsoleTime.of("en").at("2027-07-15T10:30:00+01:00")).isEqualTo("Thu 15 Jul 2027, 10:30");
    }

    @Test
    void csvTimesAreIsoWithTheOffset() {
        assertThat(ConsoleTime.iso(Instant.parse("2027-07-15T09:30:00Z"))).isEqualTo("2027-07-15T10:30+01:00");
        assertThat(ConsoleTime.iso(Instant.parse("2027-01-15T10:30:00Z"))).isEqualTo("2027-01-15T10:30Z");
    }
}
