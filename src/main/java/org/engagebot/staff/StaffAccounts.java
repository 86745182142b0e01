package org.engagebot.staff;

import jakarta.inject.Singleton;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Staff accounts: create, list, reset a password, change a role, lock, deactivate. Passwords are only ever stored
 * hashed. A reset, lock or deactivation raises the account's auth epoch and revokes its API tokens, so every console
 * session and bearer token it had stops working on its next request ({@link #current}). Checking a password, with
 * throttling, is {@link PasswordSignIn}.
 */
@Singleton
public class StaffAccounts {
    /** An admin's lock lasts until another admin lifts it. */
    static final Instant LOCKED_BY_ADMIN = Instant.parse("9999-12-31T00:00:00Z");
    private final Db db;
    private final PasswordHasher hasher;
    private final Clock clock;

    public StaffAccounts(Db db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
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
        return db.one("SELECT * FROM staff_account WHERE username = ?", StaffAccounts::row, username);
    }

    /** The account if it may be used now (not deactivated, not locked by an admin) and still has this epoch. */
    public Optional<StaffAccount> current(String username, long epoch) {
        Instant now = clock.instant();
        return find(username).filter(a -> a.usable(now) && a.authEpoch() == epoch);
    }

    public List<StaffAccount> all() {
        return db.query("SELECT * FROM staff_account ORDER BY username", rs -> {
            StaffAccount a = row(rs);
            return new StaffAccount(a.id(), a.username(), "", a.role(), a.lockedUntil(), a.disabledAt(), a.totpEnabled(),
                    a.authEpoch(), a.createdAt());
        });
    }

    /** A new password (an admin's reset): ends every session and token the account had. */
    public void setPassword(String username, String password) {
        db.update("UPDATE staff_account SET password_hash = ? WHERE username = ?", hasher.hash(password), username);
        revokeEverything(username);
    }

    public void setRole(String username, String role) {
        db.update("UPDATE staff_account SET role = ? WHERE username = ?", role, username);
    }

    public void lock(String username) {
        db.update("UPDATE staff_account SET locked_until = ? WHERE username = ?", LOCKED_BY_ADMIN, username);
        revokeEverything(username);
    }

    public void unlock(String username) {
        db.update("UPDATE staff_account SET locked_until = NULL WHERE username = ?", username);
    }

    public void deactivate(String username) {
        db.update("UPDATE staff_account SET disabled_at = ? WHERE username = ? AND disabled_at IS NULL", clock.instant(), username);
        revokeEverything(username);
    }

    public void reactivate(String username) {
        db.update("UPDATE staff_account SET disabled_at = NULL WHERE username = ?", username);
    }

    /** Raises the epoch (every session and token dies) and marks the account's tokens revoked, for the list. */
    void revokeEverything(String username) {
        db.update("UPDATE staff_account SET auth_epoch = auth_epoch + 1 WHERE username = ?", username);
        db.update("UPDATE api_token SET revoked_at = ? WHERE revoked_at IS NULL AND staff_id = "
                + "(SELECT id FROM staff_account WHERE username = ?)", clock.instant(), username);
        db.update("DELETE FROM console_session WHERE username = ?", username);
    }

    private static StaffAccount row(ResultSet rs) throws SQLException {
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("role"), Db.instant(rs, "locked_until"), Db.instant(rs, "disabled_at"),
                rs.getString("totp_secret") != null, rs.getLong("auth_epoch"), Db.instant(rs, "created_at"));
    }
}
