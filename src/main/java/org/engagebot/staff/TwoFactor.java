package org.engagebot.staff;

import org.engagebot.platform.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.engagebot.platform.Db;
import org.engagebot.platform.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The TOTP second factor of a staff account: enrolment (a pending key until a first code confirms it), checking
 * a code or a recovery code at sign-in, and an admin's reset. The key is stored sealed ({@link StaffKeys}); a code
 * is good once (its step must be later than the last accepted one, set atomically); wrong codes are throttled per
 * account like passwords ({@code engagebot.staff.max-failures} per {@code lockout}), reserved before checking.
 */
@Singleton
public class TwoFactor {
    static final String ISSUER = "Engagebot";
    private final Db db;
    private final Transactions tx;
    private final StaffKeys keys;
    private final RecoveryCodes recovery;
    private final SignInThrottle throttle;
    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    TwoFactor(Db db, Transactions tx, StaffKeys keys, RecoveryCodes recovery, SignInThrottle throttle, StaffAccounts accounts,
              AuditLog audit, Clock clock, @Value("${engagebot.staff.max-failures:5}") int maxFailures,
              @Value("${engagebot.staff.lockout:15m}") Duration lockout) {
        this.db = db;
        this.tx = tx;
        this.keys = keys;
        this.recovery = recovery;
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** What enrolment shows: the key in base32 to type in, the otpauth URI, and the URI as an inline SVG QR code. */
    public record Enrolment(String key, String uri, String qrSvg) {
    }

    /** Starts (or shows again) enrolment for an account without a confirmed key. */
    public Enrolment begin(StaffAccount account) {
        Optional<String> pending = db.one("SELECT totp_pending FROM staff_account WHERE id = ? AND totp_pending IS NOT NULL",
                rs -> rs.getString(1), account.id());
        byte[] secret = pending.map(keys::open).orElseGet(() -> {
            byte[] fresh = TotpCodes.newSecret();
            db.update("UPDATE staff_account SET totp_pending = ? WHERE id = ?", keys.seal(fresh), account.id());
            return fresh;
        });
        String uri = TotpCodes.uri(ISSUER, account.username(), secret);
        return new Enrolment(TotpCodes.base32(secret), uri, QrSvg.of(uri, "QR code of the two-factor key"));
    }

    /** Confirms enrolment with a first code; answers the ten recovery codes to show once, or empty if the code is wrong. */
    public Optional<List<String>> confirm(StaffAccount account, String code) {
        Optional<String> pending = db.one("SELECT totp_pending FROM staff_account WHERE id = ? AND totp_pending IS NOT NULL",
                rs -> rs.getString(1), account.id());
        if (pending.isEmpty() || !reserve(account)) {
            return Optional.empty();
        }
        OptionalLong step = TotpCodes.matchingStep(keys.open(pending.get()), code, clock.instant());
        if (step.isEmpty()) {
            audit.record(account.username(), "staff.totp-failed", "enrolment", null);
            return Optional.empty();
        }
        List<String> codes = tx.write(() -> {
            db.update("UPDATE staff_account SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ?, "
                    + "totp_enrolled_at = ? WHERE id = ?", step.getAsLong(), clock.instant(), account.id());
            return recovery.replace(account.id());
        });
        succeeded(account);
        audit.record(account.username(), "staff.totp-enrolled", "staff:" + account.username(), null);
        return Optional.of(codes);
    }

    /** Checks a sign-in's second factor: a 6-digit code not used before, or an unused recovery code. */
    public boolean verify(StaffAccount account, String input, String channel) {
        if (!account.totpEnabled() || !reserve(account)) {
            return false;
        }
        boolean ok = looksLikeCode(input) ? acceptCode(account, input) : recovery.use(account.id(), input);
        if (ok) {
            succeeded(account);
            if (!looksLikeCode(input)) {
                audit.record(account.username(), "staff.recovery-code-used", channel, recovery.remaining(account.id()) + " left");
            }
        } else {
            audit.record(account.username(), "staff.totp-failed", channel, null);
        }
        return ok;
    }

    /** New recovery codes (the old ones stop working), for a signed-in account that has two-factor. */
    public List<String> newRecoveryCodes(StaffAccount account) {
        List<String> codes = tx.write(() -> recovery.replace(account.id()));
        audit.record(account.username(), "staff.recovery-codes-replaced", "staff:" + account.username(), null);
        return codes;
    }

    public int recoveryCodesLeft(StaffAccount account) {
        return recovery.remaining(account.id());
    }

    /** An admin removes a lost second factor: the account enrols again; its sessions and tokens end. */
    public void reset(String username, String byAdmin) {
        db.update("UPDATE staff_account SET totp_secret = NULL, totp_pending = NULL, totp_enrolled_at = NULL WHERE username = ?",
                username);
        db.update("DELETE FROM staff_recovery_code WHERE staff_id = (SELECT id FROM staff_account WHERE username = ?)", username);
        accounts.revokeEverything(username);
        audit.record(byAdmin, "staff.totp-reset", "staff:" + username, null);
    }

    private boolean acceptCode(StaffAccount account, String code) {
        String sealed = db.one("SELECT totp_secret FROM staff_account WHERE id = ?", rs -> rs.getString(1), account.id()).orElse(null);
        if (sealed == null) {
            return false;
        }
        OptionalLong step = TotpCodes.matchingStep(keys.open(sealed), code, clock.instant());
        return step.isPresent() && db.update("UPDATE staff_account SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                step.getAsLong(), account.id(), step.getAsLong()) == 1;
    }

    private static boolean looksLikeCode(String input) {
        return input != null && input.replaceAll("\\s", "").matches("\\d{6}");
    }

    private boolean reserve(StaffAccount account) {
        SignInThrottle.Reservation r = throttle.reserve(List.of(counter(account)));
        if (!r.lockedNow().isEmpty()) {
            audit.record(account.username(), "staff.totp-throttled", "staff:" + account.username(),
                    "second-factor codes paused for " + lockout.toMinutes() + " min after " + maxFailures + " wrong codes");
        }
        return r.granted();
    }

    private void succeeded(StaffAccount account) {
        throttle.succeeded(List.of(counter(account)), List.of(counter(account)));
    }

    private SignInThrottle.Counter counter(StaffAccount account) {
        return new SignInThrottle.Counter("totp\u0000" + account.id(), maxFailures, lockout);
    }
}
