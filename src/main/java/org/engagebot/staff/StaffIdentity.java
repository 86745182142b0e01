package org.engagebot.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns a checked staff account into the request's Authentication, the same way on every path (Basic, bearer,
 * console session). Attributes: {@link #MFA} when the credential passed a second factor, and {@link #MUST_ENROL}
 * when {@code engagebot.staff.require-totp-for-admins} (default false; an office turns it on) applies: an admin without two-factor may then
 * only enrol it ({@link TwoFactorGate} holds everything else).
 */
@Singleton
public class StaffIdentity {
    public static final String MFA = "mfa";
    public static final String MUST_ENROL = "mustEnrolTotp";
    private final boolean requireForAdmins;

    StaffIdentity(@Value("${engagebot.staff.require-totp-for-admins:false}") boolean requireForAdmins) {
        this.requireForAdmins = requireForAdmins;
    }

    public boolean mustEnrol(StaffAccount account) {
        return requireForAdmins && account.admin() && !account.totpEnabled();
    }

    public Authentication of(StaffAccount account, boolean mfa, Map<String, Object> extra) {
        Map<String, Object> attributes = new HashMap<>(extra);
        attributes.put(MFA, mfa);
        attributes.put(MUST_ENROL, mustEnrol(account));
        return Authentication.build(account.username(), account.roles(), attributes);
    }

    public static boolean mfa(Authentication who) {
        return who != null && Boolean.TRUE.equals(who.getAttributes().get(MFA));
    }
}
