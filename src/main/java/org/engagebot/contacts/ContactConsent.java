package org.engagebot.contacts;

import org.engagebot.conversation.ParticipantRelation;

/**
 * The one rule for whether the office may contact someone about its engagement work (consultations, events), as
 * SQL over a contact aliased {@code c}: their latest "contact" consent is a grant or, where none is recorded (an
 * imported list), they are subscribed. The newsletter has its own, per-channel rule ({@link NewsletterConsent}).
 */
public final class ContactConsent {
    private ContactConsent() {
    }

    /** A SQL condition, true when contact {@code c} may be contacted. */
    public static String allowed() {
        return "(COALESCE((SELECT s.granted FROM consent s WHERE s.contact_id = c.id AND s.purpose = '"
                + ContactService.PURPOSE_CONTACT + "' ORDER BY s.id DESC LIMIT 1), c.subscribed) = 1)";
    }

    /**
     * A SQL expression for contact {@code c}'s language: their own, else the one last chosen (/language) on their most
     * recently active linked channel; null (both languages) when neither is known.
     */
    public static String language() {
        return "COALESCE(c.language, (SELECT lp.language FROM contact_channel lc JOIN " + ParticipantRelation.SQL + " lp "
                + "ON lp.participant_id = lc.participant_id WHERE lc.contact_id = c.id AND lp.language IS NOT NULL "
                + "ORDER BY lp.last_seen_at DESC, lp.participant_id DESC LIMIT 1))";
    }
}
