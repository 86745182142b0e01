package org.engagebot.platform;

import java.util.OptionalLong;

/**
 * Whether a username is a staff account that may act now, and its auth epoch, which moves on at a password reset,
 * lock or deactivation. For credentials a feature issues outside a session (a calendar feed URL), so that they end
 * when the account's sessions and tokens do. Implemented by staff.
 */
public interface StaffStanding {
    /** The account's auth epoch while it is usable; empty for an unknown, locked or deactivated account. */
    OptionalLong epoch(String username);
}
