package org.engagebot.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.engagebot.platform.OneInstance;

/**
 * Registrations waiting for their address to be proven: one per participant (a newer one replaces it), kept for
 * engagebot.identity.pending-ttl and then deleted. Nothing here touches a contact. Joins the caller's transaction.
 */
@Singleton
class PendingRegistrations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Db db;
    private final Clock clock;
    private final Duration ttl;

    PendingRegistrations(Db db, Clock clock, @Value("${engagebot.identity.pending-ttl:24h}") Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    void hold(long participantId, Registration r) {
        Instant now = clock.instant();
        db.update("INSERT INTO pending_registration (participant_id, address, answers, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id) DO UPDATE SET address = excluded.address, "
                + "answers = excluded.answers, created_at = excluded.created_at, expires_at = excluded.expires_at",
                participantId, r.email(), write(r), now, now.plus(ttl));
    }

    /** The participant's waiting registration for this address, while it is kept. */
    Optional<Registration> waiting(long participantId, String address) {
        return db.one("SELECT answers FROM pending_registration WHERE participant_id = ? AND address = ? AND expires_at > ?",
                rs -> rs.getString(1), participantId, address, clock.instant()).flatMap(PendingRegistrations::read);
    }

    void drop(long participantId) {
        db.update("DELETE FROM pending_registration WHERE participant_id = ?", participantId);
    }

    @OneInstance
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void scheduled() {
        purge();
    }

    int purge() {
        return db.update("DELETE FROM pending_registration WHERE expires_at <= ?", clock.instant());
    }

    private static String write(Registration r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty for a row an erasure has blanked. */
    private static Optional<Registration> read(String json) {
        try {
            return json == null || json.isBlank() ? Optional.empty() : Optional.of(JSON.readValue(json, Registration.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
