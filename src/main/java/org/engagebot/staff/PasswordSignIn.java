package org.engagebot.staff;

import org.engagebot.platform.AuditLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a username and password (HTTP Basic, the console's form, Basic + X-TOTP token minting) under three
 * throttles, each reserved before the password is looked at ({@link SignInThrottle}):
 * <ul>
 *   <li>this username from this address: {@code engagebot.staff.max-failures} (5) failures lock the pair for
 *       {@code engagebot.staff.lockout} (15m). This is "the account locks" as the guesser sees it; the owner
 *       signing in from anywhere else is not affected, so a flood from one address cannot lock her out;</li>
 *   <li>this address, any username: {@code address-max-failures} (20), against one address spraying many names;</li>
 *   <li>this username, any address: {@code account-max-failures} (50), against a guesser spread over many
 *       addresses. Only this one locks the owner out too, and only for password sign-in.</li>
 * </ul>
 * Unknown usernames are counted and answered exactly as known ones, a refused or locked attempt still costs one
 * password hash, and every failure is the same empty answer, so neither the answer nor its timing says whether a
 * username exists, is locked, or was throttled. Failures are audited, never with the password or an unknown name.
 */
@Singleton
public class PasswordSignIn {
    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;
    private final int maxFailures;
    private final int addressMaxFailures;
    private final int accountMaxFailures;
    private final Duration lockout;
    private final String dummyHash;

    PasswordSignIn(StaffAccounts accounts, PasswordHasher hasher, SignInThrottle throttle, AuditLog audit, Clock clock,
                   @Value("${engagebot.staff.max-failures:5}") int maxFailures,
                   @Value("${engagebot.staff.address-max-failures:20}") int addressMaxFailures,
                   @Value("${engagebot.staff.account-max-failures:50}") int accountMaxFailures,
                   @Value("${engagebot.staff.lockout:15m}") Duration lockout) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.addressMaxFailures = addressMaxFailures;
        this.accountMaxFailures = accountMaxFailures;
        this.lockout = lockout;
        this.dummyHash = hasher.unmatchable();
    }

    /** The account when the password is right and the attempt was allowed; empty for every kind of failure. */
    public Optional<StaffAccount> check(String username, String password, String address, String channel) {
        String name = username == null ? "" : username.strip();
        String secret = password == null ? "" : password;
        SignInThrottle.Counter pair = new SignInThrottle.Counter("pair\u0000" + norm(name) + "\u0000" + address, maxFailures, lockout);
        List<SignInThrottle.Counter> counters = List.of(pair,
                new SignInThrottle.Counter("address\u0000" + address, addressMaxFailures, lockout), accountCounter(name));
        SignInThrottle.Reservation reservation = throttle.reserve(counters);
        Optional<StaffAccount> account = name.isEmpty() ? Optional.empty() : accounts.find(name);
        boolean usable = reservation.granted() && account.isPresent() && account.get().usable(clock.instant());
        boolean right = hasher.matches(secret, usable ? account.get().passwordHash() : dummyHash) && usable;
        if (right) {
            throttle.succeeded(counters, List.of(pair));
            return account;
        }
        if (reservation.granted()) {
            String actor = account.map(StaffAccount::username).orElse("anonymous");
            String reason = account.isEmpty() ? "unknown username" : usable ? "wrong password" : "account locked or deactivated";
            audit.record(actor, "staff.sign-in-failed", channel, reason + ", from " + address);
            for (SignInThrottle.Counter c : reservation.lockedNow()) {
                audit.record(actor, "staff.sign-in-throttled", channel, describe(c, pair) + " for " + lockout.toMinutes()
                        + " min, from " + address);
            }
        }
        return Optional.empty();
    }

    /** Whether failures from many addresses have locked password sign-in for this username now. */
    public boolean lockedByFailures(String username) {
        return throttle.lockedUntil(accountCounter(username)).isPresent();
    }

    /** An admin lifts the lock that failures from many addresses put on a username. */
    public void clearFailures(String username) {
        throttle.clear(accountCounter(username));
    }

    private SignInThrottle.Counter accountCounter(String username) {
        return new SignInThrottle.Counter("account\u0000" + norm(username), accountMaxFailures, lockout);
    }

    private static String describe(SignInThrottle.Counter c, SignInThrottle.Counter pair) {
        if (c.equals(pair)) {
            return "sign-in paused for this account from this address";
        }
        return c.name().startsWith("address") ? "sign-in paused for every account from this address"
                : "sign-in paused for this account from every address";
    }

    private static String norm(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
