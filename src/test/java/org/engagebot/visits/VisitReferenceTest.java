package org.engagebot.visits;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitReferenceTest {

    @Test
    void firstReferenceOfAYearIsNumberOne() {
        assertThat(VisitReference.next(2026, 0)).hasToString("VIS-2026-0001");
    }

    @Test
    void nextReferenceFollowsTheHighestIssued() {
        assertThat(VisitReference.next(2026, 6)).hasToString("VIS-2026-0007");
        assertThat(VisitReference.next(2027, 9999)).hasToString("VIS-2027-10000");
    }

    @Test
    void readsReferencesBackWhateverTheCase() {
        assertThat(VisitReference.parse(" vis-2026-0007 ")).contains(new VisitReference(2026, 7));
        assertThat(VisitReference.parse("VIS-26-7")).isEmpty();
        assertThat(VisitReference.parse(null)).isEmpty();
    }

    @Test
    void refusesImpossibleReferences() {
        assertThatThrownBy(() -> new VisitReference(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VisitReference(26, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identicalAnswersHaveTheSameFingerprintWhateverTheCaseOfOrganisationAndEmail() {
        var a = Map.of("organisation", "Bala Youth Club", "email", "Info@Bala.org", "purpose", "Youth work");
        var b = Map.of("purpose", "Youth work ", "email", "info@bala.org", "organisation", "bala youth club");
        var c = Map.of("organisation", "Bala Youth Club", "email", "info@bala.org", "purpose", "Youth work!");
        assertThat(ApplicationIntake.hash(a)).isEqualTo(ApplicationIntake.hash(b)).isNotEqualTo(ApplicationIntake.hash(c));
    }
}
