package org.engagebot.staff;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: create, verify with lockout after repeated failures, list. Passwords are only ever
 * stored hashed.
 */
@Singleton
public class StaffAccounts {
    private final Db db;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    public StaffAccounts(Db db, PasswordHasher hasher, Clock clock,
                         @Value("${engagebot.staff.max-failures:5}") int maxFailures,
                         @Value("${engagebot.staff.lockout:15m}") Duration lockout) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public sealed interface Verdict {
        record Accepted(StaffAccount account) implements Verdict { }
        record Rejected() implements Verdict { }
        record Locked(Instant until) implements Verdict { }
    }

    public long create(String username, String password, String role) {
        if (password == null || password.length() < 10) {
            throw new IllegalArgumentException("A staff password needs at least 10 characters");
        }
        return db.insert("INSERT INTO staff_account (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                username.strip(), hasher.hash(password), role, clock.instant());
    }

    public boolean any() {
        return db.count("SELECT count(*) FROM staff_account") > 0;
    }

    public Optional<StaffAccount> find(String username) {
        return db.one("SELECT * FROM staff_account WHERE username = ?", rs -> new StaffAccount(rs.getLong("id"),
                rs.getString("username"), rs.getString("password_hash"), rs.getString("role"),
                rs.getInt("failed_attempts"), Db.instant(rs, "locked_until"), Db.instant(rs, "created_at")), username);
    }

    public List<StaffAccount> all() {
        return db.query("SELECT * FROM staff_account ORDER BY username", rs -> new StaffAccount(rs.getLong("id"),
                rs.getString("username"), "", rs.getString("role"), rs.getInt("failed_attempts"),
                Db.instant(rs, "locked_until"), Db.instant(rs, "created_at")));
    }

    public void setPassword(String username, String password) {
        db.update("UPDATE staff_account SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?",
                hasher.hash(password), username);
    }

    public void setRole(String username, String role) {
        db.update("UPDATE staff_account SET role = ? WHERE username = ?", role, username);
    }

    public Verdict verify(String username, String password) {
        Optional<StaffAccount> account = find(username);
        Instant now = clock.instant();
        if (account.isEmpty()) {
            hasher.hash(password == null ? "" : password);
            return new Verdict.Rejected();
        }
        StaffAccount a = account.get();
        if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
            return new Verdict.Locked(a.lockedUntil());
        }
        if (password != null && hasher.matches(password, a.passwordHash())) {
            if (a.failedAttempts() > 0) {
                db.update("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?", a.id());
            }
            return new Verdict.Accepted(a);
        }
        int failures = a.failedAttempts() + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockout) : null;
        db.update("UPDATE staff_account SET failed_attempts = ?, locked_until = ? WHERE id = ?",
                lockedUntil == null ? failures : 0, lockedUntil, a.id());
        return lockedUntil == null ? new Verdict.Rejected() : new Verdict.Locked(lockedUntil);
    }
}
