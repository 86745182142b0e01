package org.engagebot.channel.email;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.channel.Inbox;
import org.engagebot.channel.Outbox;
import org.engagebot.conversation.Language;
import org.engagebot.platform.Db;
import org.engagebot.privacy.RetentionHook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Requests waiting for proof that the sender controls an address (table email_proof). A token is "k-" and 128
 * random bits; only its SHA-256 is stored. Each is valid for {@code engagebot.mail.proof-ttl} (24h) and single-use;
 * a newer form by the same participant replaces the older one (its answers are stale). Runs in the caller's
 * transaction.
 */
@Singleton
class ProofStore implements RetentionHook {
    static final String PREFIX = "k";
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Kind { FORGET, MYDATA, FLOW }

    /** A waiting request: what to do, for whom ({@code address}: only it may confirm), and who asked. */
    record Pending(Kind kind, String address, Long requesterId, String flowId, Map<String, String> answers,
                   Language language) {
    }

    private final Db db;
    private final Clock clock;
    private final Duration ttl;

    ProofStore(Db db, Clock clock, @Value("${engagebot.mail.proof-ttl:24h}") Duration ttl) {
        this.db = db;
        this.clock = clock;
        this.ttl = ttl;
    }

    String issue(Pending p) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + "-" + HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        db.update("DELETE FROM email_proof WHERE expires_at <= ?", now);
        if (p.requesterId() != null && p.kind() == Kind.FLOW) {
            db.update("DELETE FROM email_proof WHERE participant_id = ? AND kind = ?", p.requesterId(), p.kind().name());
        }
        db.insert("INSERT INTO email_proof (token_hash, kind, address, participant_id, flow_id, answers, language, "
                        + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", hash(token), p.kind().name(),
                p.address(), p.requesterId(), p.flowId(), p.answers() == null ? null : Outbox.json(p.answers()),
                p.language() == null ? null : p.language().code(), now, now.plus(ttl));
        return token;
    }

    /** The request a token stands for, while it is valid and unused. */
    @SuppressWarnings("unchecked")
    Optional<Pending> find(String token) {
        if (token == null || !token.matches(PREFIX + "-[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return db.one("SELECT * FROM email_proof WHERE token_hash = ? AND expires_at > ?", rs -> {
            String answers = rs.getString("answers");
            return new Pending(Kind.valueOf(rs.getString("kind")), rs.getString("address"),
                    Db.nullableLong(rs, "participant_id"), rs.getString("flow_id"),
                    answers == null ? Map.of() : new LinkedHashMap<String, String>(Outbox.read(answers, LinkedHashMap.class)),
                    Language.parse(rs.getString("language")).orElse(null));
        }, hash(token), clock.instant());
    }

    /** Uses the token up; false when it was already used or has expired (so two replies cannot both act). */
    boolean consume(String token) {
        return db.update("DELETE FROM email_proof WHERE token_hash = ? AND expires_at > ?", hash(token), clock.instant()) == 1;
    }

    @Override
    public String name() {
        return "email-proof";
    }

    /** Daily: requests never confirmed are deleted once expired (they may hold a registration's answers). */
    @Override
    public int purgeClosedBefore(Instant cutoff) {
        return db.update("DELETE FROM email_proof WHERE expires_at <= ?", clock.instant());
    }

    /** Erasure: nothing waiting for this address or asked by these participants outlives the person. */
    void deleteFor(String address, Iterable<Long> participantIds) {
        db.update("DELETE FROM email_proof WHERE address = ?", address);
        for (long id : participantIds) {
            db.update("DELETE FROM email_proof WHERE participant_id = ?", id);
        }
    }

    static String hash(String token) {
        return Inbox.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
