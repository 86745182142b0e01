package org.engagebot.conversation;

import org.engagebot.platform.Db;
import org.engagebot.platform.Draft;
import org.engagebot.platform.Transactions;
import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine steps drafted before SQLite's writer lock ({@link Draft}): a draft reads but never writes, the session and
 * language it changes are held back until written under the lock, and a draft whose session moved meanwhile is not
 * written (the pipeline then does the step again under the lock).
 */
class DraftedStepIT {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static TestService service;
    private static JdbcSessionStore sessions;
    private static Participants participants;
    private static Transactions transactions;
    private static Db db;

    @BeforeAll
    static void start() {
        service = TestService.start();
        sessions = service.bean(JdbcSessionStore.class);
        participants = service.bean(Participants.class);
        transactions = service.bean(Transactions.class);
        db = service.bean(Db.class);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static long participant() {
        return participants.identify("console", UUID.randomUUID().toString(), null).id();
    }

    @Test
    void aDraftThatWritesIsRefusedAndWritesNothing() {
        long p = participant();
        Optional<Draft.Drafted<String>> drafted = Draft.attempt(() -> {
            db.update("UPDATE participant SET display_name = 'changed' WHERE id = ?", p);
            return "done";
        });
        assertThat(drafted).isEmpty();
        assertThat(participants.byId(p).orElseThrow().displayName()).isNull();
    }

    @Test
    void aRefusalSwallowedInsideTheWorkStillSpoilsTheDraft() {
        long p = participant();
        Optional<Draft.Drafted<String>> drafted = Draft.attempt(() -> {
            try {
                transactions.run(() -> db.update("DELETE FROM participant WHERE id = ?", p));
            } catch (RuntimeException ignored) {
                // code that carries on after a failed write decided on something that did not happen
            }
            return "carried on";
        });
        assertThat(drafted).isEmpty();
        assertThat(participants.byId(p)).isPresent();
    }

    @Test
    void theSessionAndLanguageAreHeldBackUntilWrittenUnderTheLock() {
        long p = participant();
        Session first = Session.start(p, "register", T0).at("organisation", Session.Mode.ASKING, T0);
        sessions.save(first);
        Session next = first.answered("organisation", "Cylch Meithrin", T0.plusSeconds(5)).at("contact",
                Session.Mode.ASKING, T0.plusSeconds(5));

        Draft.Drafted<Optional<Session>> drafted = Draft.attempt(() -> {
            assertThat(sessions.find(p)).contains(first);
            sessions.save(next);
            participants.setLanguage(p, Language.CY);
            return sessions.find(p); // the draft sees its own change
        }).orElseThrow();

        assertThat(drafted.value()).contains(next);
        assertThat(sessions.find(p)).contains(first);
        assertThat(participants.byId(p).orElseThrow().language()).isNull();

        assertThat(drafted.draft().holds()).isTrue();
        transactions.run(() -> drafted.draft().apply());
        assertThat(sessions.find(p)).contains(next);
        assertThat(participants.byId(p).orElseThrow().language()).isEqualTo(Language.CY);
    }

    @Test
    void aDraftWhoseSessionMovedMeanwhileDoesNotHold() {
        long p = participant();
        Session first = Session.start(p, "register", T0).at("organisation", Session.Mode.ASKING, T0);
        sessions.save(first);
        Draft.Drafted<Boolean> drafted = Draft.attempt(() -> {
            sessions.save(first.answered("organisation", "Drafted", T0.plusSeconds(5)));
            return true;
        }).orElseThrow();

        // meanwhile (a reminder, an erasure, staff) the stored session changes
        sessions.save(first.answered("organisation", "Meanwhile", T0.plusSeconds(3)));
        assertThat(drafted.draft().holds()).isFalse();

        sessions.delete(p);
        assertThat(drafted.draft().holds()).isFalse();
    }

    @Test
    void aDraftThatStartedASessionDoesNotHoldOnceOneWasStartedMeanwhile() {
        long p = participant();
        Draft.Drafted<Boolean> drafted = Draft.attempt(() -> {
            assertThat(sessions.find(p)).isEmpty();
            sessions.save(Session.start(p, "register", T0));
            return true;
        }).orElseThrow();
        assertThat(drafted.draft().holds()).isTrue();
        sessions.save(Session.start(p, "visit", T0));
        assertThat(drafted.draft().holds()).isFalse();
    }
}
