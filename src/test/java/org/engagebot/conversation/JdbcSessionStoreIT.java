package org.engagebot.conversation;

import org.engagebot.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite store against the real schema (Flyway on a temp file), through the running service's beans. */
class JdbcSessionStoreIT implements SessionStoreContract {
    private static TestService service;

    @BeforeAll
    static void startService() {
        service = TestService.start();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Override
    public SessionStore store() {
        return service.bean(JdbcSessionStore.class);
    }

    @Override
    public long newParticipant() {
        return service.bean(Participants.class).identify("console", UUID.randomUUID().toString(), null).id();
    }

    @Test
    void sessionSurvivesARestart() {
        long p = newParticipant();
        Session s = Session.start(p, "register", T0).answered("organisation", "Cylch Meithrin", T0).at("area",
                Session.Mode.ASKING, T0);
        store().save(s);
        service.restart();
        assertThat(store().find(p)).contains(s);
    }

    @Test
    void sessionGoesWhenItsParticipantIsDeleted() {
        long p = newParticipant();
        store().save(Session.start(p, "register", T0));
        service.bean(org.engagebot.platform.Db.class).update("DELETE FROM participant WHERE id = ?", p);
        assertThat(store().find(p)).isEmpty();
    }
}
