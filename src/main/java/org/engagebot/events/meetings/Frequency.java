package org.engagebot.events.meetings;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/** How often a meeting sits; the register moves its next date on by this once a sitting has passed. */
enum Frequency {
    WEEKLY(Period.ofWeeks(1), "weekly", "yn wythnosol"),
    FORTNIGHTLY(Period.ofWeeks(2), "fortnightly", "bob pythefnos"),
    MONTHLY(Period.ofMonths(1), "monthly", "yn fisol"),
    BIMONTHLY(Period.ofMonths(2), "every two months", "bob deufis"),
    QUARTERLY(Period.ofMonths(3), "quarterly", "bob chwarter"),
    HALF_YEARLY(Period.ofMonths(6), "twice a year", "ddwywaith y flwyddyn"),
    YEARLY(Period.ofYears(1), "yearly", "yn flynyddol"),
    AD_HOC(null, "as needed", "yn ôl yr angen");

    final Period step;
    final String en;
    final String cy;

    Frequency(Period step, String en, String cy) {
        this.step = step;
        this.en = en;
        this.cy = cy;
    }

    /** Reads "monthly", "bi-monthly", "every 2 months", "6 a year", "quarterly", "ad hoc" and the like. */
    static Optional<Frequency> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Optional.ofNullable(switch (v) {
            case "weekly", "everyweek", "52ayear" -> WEEKLY;
            case "fortnightly", "everytwoweeks", "every2weeks", "26ayear" -> FORTNIGHTLY;
            case "monthly", "everymonth", "12ayear" -> MONTHLY;
            case "bimonthly", "everytwomonths", "every2months", "6ayear", "sixayear" -> BIMONTHLY;
            case "quarterly", "everythreemonths", "every3months", "4ayear", "fourayear" -> QUARTERLY;
            case "halfyearly", "biannual", "biannually", "twiceayear", "2ayear", "every6months" -> HALF_YEARLY;
            case "yearly", "annual", "annually", "onceayear", "1ayear" -> YEARLY;
            case "adhoc", "asneeded", "asrequired", "irregular" -> AD_HOC;
            default -> null;
        });
    }
}
