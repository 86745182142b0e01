package org.engagebot.contacts;

/**
 * The one rule for whether the newsletter may go to a contact on a channel (PECR), as SQL over a contact aliased
 * {@code c}, so the audience query and the /subscribe and /unsubscribe answers cannot disagree: the contact is
 * subscribed (the one suppression flag, both channels) and the latest newsletter consent for that channel is a grant;
 * with none recorded, an email address counts as consented (imported or registered as subscribed) and a Telegram
 * chat does not. Legacy "newsletter" rows count for the channel they were given on. By email, the address must also
 * have been confirmed (imported by staff, or proven by code, link or reply): a typed address never proven gets none.
 */
public final class NewsletterConsent {
    private NewsletterConsent() {
    }

    /** A SQL condition, true when the newsletter may go to contact {@code c} on {@code channel}. */
    public static String allowed(String channel) {
        boolean telegram = "telegram".equals(channel);
        String legacy = telegram ? "k.channel = 'telegram'" : "COALESCE(k.channel, '') <> 'telegram'";
        String confirmed = telegram ? "" : "AND c.email_confirmed IS NOT NULL ";
        return "(c.subscribed = 1 " + confirmed + "AND COALESCE((SELECT k.granted FROM consent k WHERE k.contact_id = c.id "
                + "AND (k.purpose = '" + ContactService.newsletterPurpose(channel) + "' OR (k.purpose = '"
                + ContactService.PURPOSE_NEWSLETTER + "' AND " + legacy + ")) ORDER BY k.id DESC LIMIT 1), " + (telegram ? 0 : 1) + ") = 1)";
    }
}
