package org.engagebot.visits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class VisitStatusTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest
    @CsvSource({"RECEIVED,SHORTLISTED", "RECEIVED,DECLINED", "SHORTLISTED,SCHEDULED", "SHORTLISTED,DECLINED",
            "SCHEDULED,VISITED", "SCHEDULED,DECLINED", "SCHEDULED,SCHEDULED"})
    void allowsTheTransitionsOfTheVisitProcess(VisitStatus from, VisitStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"RECEIVED,SCHEDULED", "RECEIVED,VISITED", "RECEIVED,RECEIVED", "SHORTLISTED,VISITED",
            "SHORTLISTED,RECEIVED", "SCHEDULED,SHORTLISTED", "VISITED,SCHEDULED", "VISITED,DECLINED",
            "DECLINED,SHORTLISTED", "DECLINED,RECEIVED"})
    void refusesSkippingStepsGoingBackOrLeavingAFinalStatus(VisitStatus from, VisitStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void visitedAndDeclinedAreFinal() {
        assertThat(VisitStatus.VISITED.allowedNext()).isEmpty();
        assertThat(VisitStatus.DECLINED.allowedNext()).isEmpty();
        assertThat(VisitStatus.VISITED.open()).isFalse();
        assertThat(VisitStatus.SCHEDULED.open()).isTrue();
    }

    @Test
    void parsesStatusCodesCaseInsensitively() {
        assertThat(VisitStatus.parse(" Shortlisted ")).contains(VisitStatus.SHORTLISTED);
        assertThat(VisitStatus.parse("maybe")).isEmpty();
        assertThat(VisitStatus.parse(null)).isEmpty();
    }

    @Test
    void schedulingNeedsADateTimeAndAPlace() {
        assertThat(refusal(VisitStatus.SHORTLISTED, new Decision("scheduled", null, "Hall", null))).contains("scheduledAt");
        assertThat(refusal(VisitStatus.SHORTLISTED, new Decision("scheduled", "2027-03-15T10:30", " ", null))).contains("place");
        assertThat(refusal(VisitStatus.SHORTLISTED, new Decision("scheduled", "next Tuesday", "Hall", null))).contains("ISO");
    }

    @Test
    void schedulingReadsLocalTimesInTheOfficeZoneAndOffsetTimesAsGiven() {
        var local = (DecisionRules.Checked.Accepted) DecisionRules.check(VisitStatus.SHORTLISTED,
                new Decision("scheduled", "2027-07-15T10:30", "Village hall, Bala", null), LONDON);
        assertThat(local.scheduledAt()).hasToString("2027-07-15T09:30:00Z");
        assertThat(local.place()).isEqualTo("Village hall, Bala");
        var offset = (DecisionRules.Checked.Accepted) DecisionRules.check(VisitStatus.SCHEDULED,
                new Decision("scheduled", "2027-07-15T10:30:00Z", "Hall", null), LONDON);
        assertThat(offset.scheduledAt()).hasToString("2027-07-15T10:30:00Z");
    }

    @Test
    void decliningNeedsAReason() {
        assertThat(refusal(VisitStatus.RECEIVED, new Decision("declined", null, null, "  "))).contains("reason");
        var ok = DecisionRules.check(VisitStatus.RECEIVED, new Decision("declined", null, null, "Outside North Wales"), LONDON);
        assertThat(ok).isInstanceOf(DecisionRules.Checked.Accepted.class);
    }

    @Test
    void refusalNamesTheAllowedNextStatuses() {
        assertThat(refusal(VisitStatus.RECEIVED, new Decision("visited", null, null, null)))
                .isEqualTo("cannot move an application from received to visited (allowed: declined, shortlisted)");
        assertThat(refusal(VisitStatus.VISITED, new Decision("declined", null, null, "x"))).contains("visited is final");
        assertThat(refusal(VisitStatus.RECEIVED, new Decision("done", null, null, null))).contains("status must be one of");
    }

    private static String refusal(VisitStatus from, Decision d) {
        DecisionRules.Checked c = DecisionRules.check(from, d, LONDON);
        assertThat(c).isInstanceOf(DecisionRules.Checked.Refused.class);
        return ((DecisionRules.Checked.Refused) c).reason();
    }
}
