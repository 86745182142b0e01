package org.engagebot.conversation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SessionStore} must do. Implement it in a test class per store (James-style contract):
 * provide the store and a way to make a participant it can hold a session for.
 */
interface SessionStoreContract {
    Instant T0 = Instant.parse("2027-03-10T09:00:00Z");

    SessionStore store();

    /** A participant id the store accepts (the JDBC store needs a participant row). */
    long newParticipant();

    private static Session session(long participant, Instant at) {
        return new Session(participant, "visit", "venue", Session.Mode.ASKING,
                Map.of("kind", "event", "notes", "", "name", "Siân Ifan — ‘quoted’ \"text\""), List.of("kind", "notes"),
                at.minus(Duration.ofMinutes(5)), at);
    }

    @Test
    default void findsNothingForAParticipantWithoutASession() {
        assertThat(store().find(newParticipant())).isEmpty();
    }

    @Test
    default void savedSessionIsFoundWithEverythingKept() {
        long p = newParticipant();
        Session s = session(p, T0);
        store().save(s);
        assertThat(store().find(p)).contains(s);
    }

    @Test
    default void sessionWithoutStepAndWithNothingAnsweredRoundTrips() {
        long p = newParticipant();
        Session s = new Session(p, "profile", null, Session.Mode.CONFIRMING, Map.of(), List.of(), T0, T0);
        store().save(s);
        assertThat(store().find(p)).contains(s);
    }

    @Test
    default void savingAgainReplacesTheParticipantsOneSession() {
        long p = newParticipant();
        store().save(session(p, T0));
        Session next = Session.start(p, "profile", T0.plusSeconds(60)).at("name", Session.Mode.EDITING, T0.plusSeconds(61));
        store().save(next);
        assertThat(store().find(p)).contains(next);
    }

    @Test
    default void sessionsOfDifferentParticipantsAreSeparate() {
        long a = newParticipant();
        long b = newParticipant();
        store().save(session(a, T0));
        Session other = Session.start(b, "quick", T0);
        store().save(other);
        assertThat(store().find(a).orElseThrow().flowId()).isEqualTo("visit");
        assertThat(store().find(b)).contains(other);
    }

    @Test
    default void anIdleSessionIsDueForOneReminderUntilItIsUsedAgain() {
        long idle = newParticipant();
        long busy = newParticipant();
        store().save(session(idle, T0));
        store().save(session(busy, T0.plus(Duration.ofHours(2))));
        Instant cutoff = T0.plus(Duration.ofHours(1));
        assertThat(store().unremindedIdleSince(cutoff, 10)).extracting(Session::participantId).contains(idle)
                .doesNotContain(busy);
        store().markReminded(idle, cutoff);
        assertThat(store().unremindedIdleSince(cutoff, 10)).extracting(Session::participantId).doesNotContain(idle);
        store().save(session(idle, cutoff.plusSeconds(60)));
        assertThat(store().unremindedIdleSince(cutoff.plus(Duration.ofHours(25)), 10)).extracting(Session::participantId)
                .contains(idle);
    }

    @Test
    default void idleSessionsAreListedOldestFirst() {
        long older = newParticipant();
        long newer = newParticipant();
        store().save(session(newer, T0.plusSeconds(10)));
        store().save(session(older, T0));
        List<Long> idle = store().idleSince(T0.plusSeconds(20), 100).stream().map(Session::participantId)
                .filter(id -> id == older || id == newer).toList();
        assertThat(idle).containsExactly(older, newer);
        assertThat(store().idleSince(T0.plusSeconds(5), 100)).extracting(Session::participantId).doesNotContain(newer);
    }

    @Test
    default void deleteRemovesOnlyThatParticipantsSession() {
        long a = newParticipant();
        long b = newParticipant();
        store().save(session(a, T0));
        store().save(session(b, T0));
        store().delete(a);
        assertThat(store().find(a)).isEmpty();
        assertThat(store().find(b)).isPresent();
    }

    @Test
    default void deletingWhatIsNotThereIsHarmless() {
        long p = newParticipant();
        store().delete(p);
        assertThat(store().find(p)).isEmpty();
    }

    @Test
    default void deleteIdleSinceRemovesOnlySessionsUpdatedBeforeTheCutoff() {
        long old = newParticipant();
        long edge = newParticipant();
        long fresh = newParticipant();
        store().save(session(old, T0.minus(Duration.ofDays(2))));
        store().save(session(edge, T0));
        store().save(session(fresh, T0.plus(Duration.ofHours(1))));
        int removed = store().deleteIdleSince(T0);
        assertThat(removed).isEqualTo(1);
        assertThat(store().find(old)).isEmpty();
        assertThat(store().find(edge)).isPresent();
        assertThat(store().find(fresh)).isPresent();
    }

    @Test
    default void historyKeepsItsOrderAndAnswersRoundTrip() {
        long p = newParticipant();
        Session s = Session.start(p, "profile", T0).answered("name", "Jo", T0).answered("email", "jo@example.org", T0)
                .answered("phone", "+447911123456", T0).pushHistory("name").pushHistory("email").pushHistory("phone");
        store().save(s);
        Session found = store().find(p).orElseThrow();
        assertThat(found.history()).containsExactly("name", "email", "phone");
        assertThat(found.answers()).isEqualTo(s.answers());
    }
}
