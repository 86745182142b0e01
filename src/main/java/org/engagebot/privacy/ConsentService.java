package org.engagebot.privacy;

import jakarta.inject.Singleton;
import org.engagebot.contacts.ContactService;
import org.engagebot.contacts.NewsletterConsent;
import org.engagebot.platform.Db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consent per purpose and channel, as an append-only history (UK GDPR Art. 7(1): we can show what was agreed,
 * to which wording, when and where). Legacy "newsletter" rows count for the channel they were given on.
 * Joins the caller's transaction.
 */
@Singleton
public class ConsentService {
    public static final String CONTACT = ContactService.PURPOSE_CONTACT;

    private final Db db;
    private final Clock clock;

    public ConsentService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(long contactId, String purpose, boolean granted, String version, String channel) {
        db.insert("INSERT INTO consent (contact_id, purpose, granted, version, channel, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                contactId, purpose, granted, version, channel, clock.instant());
    }

    /** The latest decision per purpose. */
    public Map<String, Consent> current(long contactId) {
        Map<String, Consent> latest = new LinkedHashMap<>();
        history(contactId).forEach(c -> latest.put(c.purpose(), c));
        return latest;
    }

    /** Every decision, oldest first. */
    public List<Consent> history(long contactId) {
        return db.query("SELECT * FROM consent WHERE contact_id = ? ORDER BY id", ConsentService::map, contactId);
    }

    /** Whether the newsletter may go to this contact on this channel: the {@link NewsletterConsent} rule. */
    public boolean mayReceiveNewsletter(long contactId, String channel) {
        return db.count("SELECT count(*) FROM contact c WHERE c.id = ? AND " + NewsletterConsent.allowed(channel),
                contactId) > 0;
    }

    private static Consent map(ResultSet rs) throws SQLException {
        String purpose = rs.getString("purpose");
        String channel = rs.getString("channel");
        if (ContactService.PURPOSE_NEWSLETTER.equals(purpose)) {
            purpose = ContactService.newsletterPurpose(channel);
        }
        return new Consent(purpose, rs.getInt("granted") == 1, rs.getString("version"), channel,
                Db.instant(rs, "recorded_at"));
    }
}
