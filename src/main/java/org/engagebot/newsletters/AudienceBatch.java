package org.engagebot.newsletters;

import java.util.List;

/**
 * One page of an audience, contacts with ids in (previous cursor, {@code lastContactId}]. {@code contacts}
 * is how many contacts the page held (0 = the audience is exhausted); skipped counts are per contact.
 */
record AudienceBatch(List<Recipient> recipients, long lastContactId, int contacts, int onHold, int noChannel) {
}
