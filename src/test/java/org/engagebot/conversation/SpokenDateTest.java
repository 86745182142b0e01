package org.engagebot.conversation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days said in words and dates without a year, read against different todays (the corpus in answers.tsv has one
 * clock): a year-less date near the turn of the year, "next" and "last" either side of a weekend, and what stays
 * refused because it could mean two days.
 */
class SpokenDateTest {
    private static final Messages MESSAGES = new Messages(List.of());

    @ParameterizedTest(name = "on {0}, \"{1}\" ({2}) → {3}")
    @CsvSource(delimiter = '|', value = {
            // Monday 20 December 2027
            "2027-12-20|5 January|future|2028-01-05",
            "2027-12-20|5ed o Ionawr|future|2028-01-05",
            "2027-12-20|24/12|future|2027-12-24",
            "2027-12-20|1 December|future|invalid.date-year",
            "2027-12-20|5 January|any|invalid.date-year",
            "2027-12-20|next Monday|future|2027-12-27",
            "2027-12-20|Monday|future|invalid.date-which-week",
            "2027-12-20|dydd Gwener nesaf|future|invalid.date-which-week",
            "2027-12-20|dydd Gwener|future|2027-12-24",
            "2027-12-20|last Friday|past|2027-12-17",
            "2027-12-20|dydd Gwener diwethaf|past|2027-12-17",
            "2027-12-20|ddoe|past|2027-12-19",
            "2027-12-20|yfory|past|invalid.date-future",
            // Sunday 26 December 2027
            "2027-12-26|next Friday|future|2027-12-31",
            "2027-12-26|Friday 31 December 2027|future|2027-12-31",
            "2027-12-26|Thursday 31 December 2027|future|invalid.date-weekday",
            "2027-12-26|29 February|future|2028-02-29",
            "2026-12-26|29 February|future|invalid.date-year",
            // Wednesday 10 February 2028: a leap year
            "2028-02-10|29 February|future|2028-02-29",
            "2028-02-10|29/2|future|2028-02-29",
    })
    void readsTheDayMeant(String today, String typed, String kind, String expected) {
        Clock clock = Clock.fixed(Instant.parse(today + "T10:00:00Z"), ZoneOffset.UTC);
        StepType.Date type = new StepType.Date(kind.equals("future"), kind.equals("past"));
        Validation v = new DateReader(clock, MESSAGES).read(type, typed);
        String got = v instanceof Validation.Valid ok ? ok.value()
                : keyOf(((Validation.Invalid) v).reason());
        assertThat(got).isEqualTo(expected);
    }

    private static String keyOf(Text reason) {
        for (String key : List.of("invalid.date", "invalid.date-year", "invalid.date-which-week", "invalid.date-weekday",
                "invalid.date-past", "invalid.date-future")) {
            if (MESSAGES.get(key).en().equals(reason.en())) {
                return key;
            }
        }
        return reason.en();
    }
}
