package org.engagebot.contacts;

/**
 * Told when a contact stops receiving the newsletter (any channel's unsubscribe, or a staff import saying "no"),
 * e.g. so a broadcast still sending skips them. Called inside the caller's transaction, after the change.
 */
public interface SubscriptionListener {

    /** Where the contact can be written to (each linked chat, its email address), looked up before the call. */
    record Address(String channel, String address) {
    }

    void unsubscribed(long contactId, java.util.List<Address> addresses);
}
