package org.engagebot.staff;

import java.time.Instant;
import java.util.List;

/**
 * A member of staff who signs in to the console or calls the API. Roles: admin, staff. {@code lockedUntil} is an
 * admin's lock, {@code disabledAt} a deactivation; {@code authEpoch} is what sessions and tokens must carry to be good.
 */
public record StaffAccount(long id, String username, String passwordHash, String role, Instant lockedUntil,
                           Instant disabledAt, boolean totpEnabled, long authEpoch, Instant createdAt) {
    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";

    /** Whether the account may be used at all at this instant. */
    public boolean usable(Instant now) {
        return disabledAt == null && (lockedUntil == null || !lockedUntil.isAfter(now));
    }

    public boolean admin() {
        return ADMIN.equals(role);
    }

    public List<String> roles() {
        return admin() ? List.of(ADMIN, STAFF) : List.of(STAFF);
    }
}
