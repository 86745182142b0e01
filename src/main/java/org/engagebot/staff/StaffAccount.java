package org.engagebot.staff;

import java.time.Instant;

/** A member of staff who signs in to the console or calls the API. Roles: admin, staff. */
public record StaffAccount(long id, String username, String passwordHash, String role, int failedAttempts,
                           Instant lockedUntil, Instant createdAt) {
    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";
}
