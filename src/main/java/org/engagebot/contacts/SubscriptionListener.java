package org.engagebot.contacts;

/**
 * Told when a contact stops receiving the newsletter (any channel's unsubscribe, or a staff import saying "no"),
 * e.g. so a broadcast still sending skips them. Called inside the caller's transaction, after the change.
 */
public interface SubscriptionListener {

    void unsubscribed(long contactId);
}
